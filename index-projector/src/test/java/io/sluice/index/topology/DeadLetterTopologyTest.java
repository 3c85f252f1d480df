package io.sluice.index.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AbortRequested;
import io.sluice.events.AssetStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob events the index projector cannot decode go to the dead-letter topic, and the next one is indexed. */
class DeadLetterTopologyTest {

    private static final byte[] GARBAGE = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3};

    private IndexProjectorDriver driver;

    @BeforeEach
    void start() throws Exception {
        driver = new IndexProjectorDriver();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldSetGarbageAsideWithItsBytesAndIndexTheNextAsset() {
        AssetStored next = IndexProjectorDriver.assetStored().build();
        String poisonKey = UploadIds.newUploadId();

        driver.reportRaw(poisonKey, GARBAGE);
        driver.report(next);

        assertThat(driver.finishedRecords()).singleElement()
                .satisfies(finished -> assertThat(finished.key()).isEqualTo(next.getUploadId()));
        assertThat(driver.deadLetters()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(poisonKey.getBytes(StandardCharsets.UTF_8));
            assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("UNDECODABLE");
            assertThat(header(record, DeadLetters.COMPONENT_HEADER)).isEqualTo("index-projector");
            DeadLetter letter = record.value();
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(GARBAGE));
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.BLOB_EVENTS.name());
            assertThat(letter.getSourceOffset()).isEqualTo(0);
            assertThat(letter.getSourceTimestamp()).isEqualTo(IndexProjectorDriver.STORED_AT);
            assertThat(letter.getComponent()).isEqualTo("index-projector");
        });
    }

    @Test
    void shouldSetARecordWithAnUnknownSchemaIdAsideAsAnIncompatibleSchema() {
        byte[] unknownSchema = {0, 0, 0, 0x7f, 0x7f, 0};

        driver.reportRaw(UploadIds.newUploadId(), unknownSchema);
        driver.report(IndexProjectorDriver.assetStored().build());

        assertThat(driver.finishedRecords()).hasSize(1);
        assertThat(driver.deadLetters()).singleElement().satisfies(record -> {
            assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("INCOMPATIBLE_SCHEMA");
            assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
            assertThat(record.value().getValue()).isEqualTo(ByteBuffer.wrap(unknownSchema));
        });
    }

    @Test
    void shouldSetARequestWrittenToTheBlobEventTopicAsideAsAnIncompatibleSchema() {
        String uploadId = UploadIds.newUploadId();
        byte[] request = Topics.UPLOAD_REQUESTS.valueSerde(driver.registry()).serializer().serialize(
                Topics.UPLOAD_REQUESTS.name(), new UploadRequest(AbortRequested.newBuilder().setEventId("e-1")
                        .setUploadId(uploadId).setTenant(IndexProjectorDriver.TENANT).setTimestamp(Instant.EPOCH)
                        .build()));

        driver.reportRaw(uploadId, request);
        driver.report(IndexProjectorDriver.assetStored().build());

        assertThat(driver.finishedRecords()).hasSize(1);
        assertThat(driver.deadLetters()).singleElement().satisfies(
                record -> assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA));
    }

    private static String header(TestRecord<byte[], DeadLetter> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
