package io.sluice.blob.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.blob.chunks.ChunkVerification;
import io.sluice.blob.events.BlobEventIds;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChunkStorageIntegrationTest {

    private BlobWriterUnderTest writer;

    @BeforeAll
    void startBlobWriter(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) throws Exception {
        writer = BlobWriterUnderTest.start(kafka, registry, s3);
    }

    @AfterAll
    void stopBlobWriter() throws Exception {
        writer.close();
    }

    @Test
    void shouldStoreEachChunkUnderItsDigestNamedKeyAndReportIt() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(1, 300_000, 1_234);
        ChunkReceived first = upload.chunkReceived(0);

        writer.send(first);
        writer.send(upload.chunkReceived(1));

        List<ChunkStored> stored = writer.awaitChunksStored(upload.uploadId, 2);
        assertThat(stored.getFirst()).isEqualTo(ChunkStored.newBuilder()
                .setEventId(BlobEventIds.chunkStored(first.getEventId())).setUploadId(upload.uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(stored.getFirst().getTimestamp())
                .setCausationId(first.getEventId()).setIndex(0).setLength(300_000)
                .setSha256(ChunkVerification.sha256Hex(upload.chunks.getFirst())).setObjectKey(upload.chunkKey(0))
                .build());
        assertThat(stored.get(1).getObjectKey()).isEqualTo(upload.chunkKey(1));
        assertThat(writer.read(upload.chunkKey(0))).isEqualTo(upload.chunks.get(0));
        assertThat(writer.read(upload.chunkKey(1))).isEqualTo(upload.chunks.get(1));
    }

    @Test
    void shouldTreatARedeliveredChunkAsHarmless() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(2, 200_000);
        ChunkReceived chunk = upload.chunkReceived(0);
        long alreadyStoredBefore = writer.service.counters().chunksAlreadyStored();

        writer.send(chunk);
        writer.send(chunk); // the same event again, as a replay or a producer retry delivers it
        writer.send(upload.chunkReceived(0)); // the same bytes in a new event, as a client retry sends them

        List<ChunkStored> stored = writer.awaitChunksStored(upload.uploadId, 3);
        assertThat(stored).extracting(ChunkStored::getObjectKey).containsOnly(upload.chunkKey(0));
        assertThat(stored.get(1).getEventId()).isEqualTo(stored.get(0).getEventId());
        assertThat(stored.get(2).getEventId()).isNotEqualTo(stored.get(0).getEventId());
        assertThat(writer.chunkObjects(upload.uploadId)).containsExactly(upload.chunkKey(0));
        assertThat(writer.read(upload.chunkKey(0))).isEqualTo(upload.chunks.getFirst());
        // at least: a chunk left uncommitted by an earlier test class may be redelivered meanwhile
        assertThat(writer.service.counters().chunksAlreadyStored()).isGreaterThanOrEqualTo(alreadyStoredBefore + 2);
    }

    @Test
    void shouldNeverOverwriteStoredBytesWithAConflictingDuplicate() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(3, 100_000);
        byte[] otherBytes = TestUploads.withChunkLengths(4, 100_000).chunks.getFirst();
        String otherKey = ObjectKeys.chunk(upload.uploadId, 0, ChunkVerification.sha256Hex(otherBytes));

        writer.send(upload.chunkReceived(0));
        writer.send(upload.chunkReceived(0, otherBytes));

        List<ChunkStored> stored = writer.awaitChunksStored(upload.uploadId, 2);
        assertThat(stored).extracting(ChunkStored::getObjectKey).containsExactly(upload.chunkKey(0), otherKey);
        assertThat(writer.read(upload.chunkKey(0))).isEqualTo(upload.chunks.getFirst());
        assertThat(writer.read(otherKey)).isEqualTo(otherBytes);
    }

    @Test
    void shouldNotStoreAChunkWhoseBytesDoNotMatchItsDigestOrLength() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(5, 50_000, 50_000);
        long skippedBefore = writer.service.counters().chunksSkipped();

        writer.send(ChunkReceived.newBuilder(upload.chunkReceived(0)).setSha256("0".repeat(64)).build());
        writer.send(ChunkReceived.newBuilder(upload.chunkReceived(0)).setLength(50_001).build());
        writer.send(upload.chunkReceived(1)); // same upload, same partition: read after the two above

        writer.awaitChunksStored(upload.uploadId, 1);
        assertThat(writer.chunksStoredSoFar(upload.uploadId)).extracting(ChunkStored::getIndex).containsExactly(1);
        assertThat(writer.chunkObjects(upload.uploadId)).containsExactly(upload.chunkKey(1));
        assertThat(writer.service.counters().chunksSkipped()).isGreaterThanOrEqualTo(skippedBefore + 2);
    }

    @Test
    void shouldSetAPoisonRecordAsideAndGoOnWithTheRecordsAfterIt() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(6, 10_000);
        byte[] poison = "not an event".getBytes(StandardCharsets.UTF_8);

        RecordMetadata poisonAt = writer.sendRaw(upload.uploadId, poison);
        writer.send(upload.chunkReceived(0));

        writer.awaitChunksStored(upload.uploadId, 1);
        DeadLetter letter = writer.awaitDeadLetter(Topics.UPLOAD_REQUESTS.name(), poisonAt.partition(), poisonAt.offset());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(poison));
        assertThat(StandardCharsets.UTF_8.decode(letter.getKey()).toString()).isEqualTo(upload.uploadId);
        assertThat(letter.getDetail()).contains("WRONG_MAGIC_BYTE");
    }

    @Test
    void shouldSetAsideAChunkWhoseUploadIdNamesNoObject() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(7, 1_000);
        ChunkReceived unnamed = ChunkReceived.newBuilder(upload.chunkReceived(0)).setUploadId("../escape").build();

        RecordMetadata at = writer.send(unnamed);

        DeadLetter letter = writer.awaitDeadLetter(Topics.UPLOAD_REQUESTS.name(), at.partition(), at.offset());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
        assertThat(letter.getDetail()).contains("../escape");
    }
}
