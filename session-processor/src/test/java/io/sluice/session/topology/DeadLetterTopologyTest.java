package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records the session processor must not apply go to the dead-letter topic, and the records after
 * them are processed: undecodable bytes and records in a schema the topic cannot be read as (set
 * aside by the deserialization handler), and requests naming a tenant that is not configured (set
 * aside by the processor).
 */
class DeadLetterTopologyTest {

    private static final int CHUNK = 1000;
    private static final byte[] GARBAGE = "not an event at all".getBytes(StandardCharsets.UTF_8);

    private final String upload = UploadIds.newUploadId();
    private SessionProcessorDriver driver;

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    @Test
    void shouldSetGarbageOnTheRequestTopicAsideWithItsBytesAndProcessTheNextRequest() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));

        d.sendRaw(Topics.UPLOAD_REQUESTS.name(), upload, GARBAGE);
        String open = d.open(upload, 2 * CHUNK, CHUNK);

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadAccepted.class,
                accepted -> assertThat(accepted.getCausationId()).isEqualTo(open));
        assertThat(d.deadLetters()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(upload.getBytes(StandardCharsets.UTF_8));
            assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("UNDECODABLE");
            assertThat(header(record, DeadLetters.COMPONENT_HEADER)).isEqualTo("session-processor");
            DeadLetter letter = record.value();
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(GARBAGE));
            assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(upload.getBytes(StandardCharsets.UTF_8)));
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.UPLOAD_REQUESTS.name());
            assertThat(letter.getSourceOffset()).isEqualTo(0);
            assertThat(letter.getComponent()).isEqualTo("session-processor");
            assertThat(letter.getDetail()).contains("WRONG_MAGIC_BYTE");
        });
    }

    @Test
    void shouldSetARecordWithAnUnknownSchemaIdAsideAsAnIncompatibleSchema() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));
        byte[] unknownSchema = {0, 0, 0, 0x7f, 0x7f, 2, 4, 6};

        d.sendRaw(Topics.UPLOAD_REQUESTS.name(), upload, unknownSchema);
        d.open(upload, 2 * CHUNK, CHUNK);

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadAccepted.class);
        assertThat(d.deadLetters()).singleElement().satisfies(record -> {
            assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("INCOMPATIBLE_SCHEMA");
            assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
            assertThat(record.value().getValue()).isEqualTo(ByteBuffer.wrap(unknownSchema));
            assertThat(record.value().getDetail()).contains("UNKNOWN_SCHEMA_ID");
        });
    }

    @Test
    void shouldSetAnEventOfAnotherTopicsSchemaAsideAsAnIncompatibleSchema() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));
        byte[] blobEvent = Topics.BLOB_EVENTS.valueSerde(d.registry()).serializer()
                .serialize(Topics.BLOB_EVENTS.name(), assetStored());

        d.sendRaw(Topics.UPLOAD_REQUESTS.name(), upload, blobEvent);
        d.open(upload, 2 * CHUNK, CHUNK);

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadAccepted.class);
        assertThat(d.deadLetters()).singleElement().satisfies(record -> {
            assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.INCOMPATIBLE_SCHEMA);
            assertThat(record.value().getValue()).isEqualTo(ByteBuffer.wrap(blobEvent));
        });
    }

    @Test
    void shouldSetGarbageOnTheOtherInputTopicsAsideAndGoOn() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));
        d.open(upload, 2 * CHUNK, CHUNK);
        d.decisions();

        d.sendRaw(Topics.BLOB_EVENTS.name(), upload, GARBAGE);
        d.sendRaw(Topics.UPLOADS_FINISHED.name(), upload, GARBAGE);
        d.sendChunk(upload, 0, new byte[CHUNK]);

        assertThat(d.decisions()).singleElement().isInstanceOf(ChunkAccepted.class);
        assertThat(d.deadLetters()).extracting(record -> record.value().getSourceTopic())
                .containsExactly(Topics.BLOB_EVENTS.name(), Topics.UPLOADS_FINISHED.name());
    }

    @Test
    void shouldSetAsideAnOpenForAnUnknownTenantWithoutDecidingOrCreatingAnything() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));
        UploadOpened opened = d.opened(upload, 2 * CHUNK, CHUNK).setTenant("stranger").build();

        d.open(opened);
        d.sendChunk(upload, "stranger", 0, new byte[CHUNK]);

        assertThat(d.decisions()).isEmpty();
        assertThat(d.statuses()).isEmpty();
        List<TestRecord<byte[], DeadLetter>> letters = d.deadLetters();
        assertThat(letters).hasSize(2).allSatisfy(record -> {
            assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("UNKNOWN_TENANT");
            assertThat(header(record, DeadLetters.COMPONENT_HEADER)).isEqualTo("session-processor");
            assertThat(record.key()).isEqualTo(upload.getBytes(StandardCharsets.UTF_8));
            assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.UNKNOWN_TENANT);
            assertThat(record.value().getDetail()).contains("stranger");
        });
        DeadLetter open = letters.getFirst().value();
        assertThat(open.getSourceTopic()).isEqualTo(Topics.UPLOAD_REQUESTS.name());
        assertThat(open.getSourceOffset()).isEqualTo(0);
        assertThat(open.getSourceTimestamp()).isEqualTo(d.now());
        assertThat(Topics.UPLOAD_REQUESTS.valueSerde(d.registry()).deserializer()
                .deserialize(Topics.UPLOAD_REQUESTS.name(), bytes(open.getValue())))
                .isEqualTo(new UploadRequest(opened));
        assertThat(d.sessionsStore().get(upload)).isNull();
    }

    @Test
    void shouldSetAsideAnExpiryRequestForAnUnknownTenantThatHoldsNoSession() throws Exception {
        SessionProcessorDriver d = driver(Set.of(SessionProcessorDriver.TENANT));

        d.requestExpiry(upload, "stranger", d.now());

        assertThat(d.deadLetters()).singleElement().satisfies(
                record -> assertThat(record.value().getReason()).isEqualTo(DeadLetterReason.UNKNOWN_TENANT));
    }

    @Test
    void shouldProcessEveryTenantWhenNoneIsConfigured() throws Exception {
        SessionProcessorDriver d = driver(Set.of());

        d.open(d.opened(upload, 2 * CHUNK, CHUNK).setTenant("stranger").build());

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadAccepted.class);
        assertThat(d.deadLetters()).isEmpty();
    }

    private SessionProcessorDriver driver(Set<String> knownTenants) throws Exception {
        driver = new SessionProcessorDriver(Long.MAX_VALUE, knownTenants);
        return driver;
    }

    private BlobEvent assetStored() {
        String assetId = UploadIds.assetIdFor(upload);
        return new BlobEvent(AssetStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(upload)
                .setTenant(SessionProcessorDriver.TENANT).setTimestamp(Instant.EPOCH).setAssetId(assetId)
                .setObjectKey(ObjectKeys.asset(SessionProcessorDriver.TENANT, assetId)).setSize(1)
                .setSha256("ab".repeat(32)).setFileName("a.bin").setContentType("application/octet-stream")
                .setMetadata(Map.of()).build());
    }

    private static String header(TestRecord<byte[], DeadLetter> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
