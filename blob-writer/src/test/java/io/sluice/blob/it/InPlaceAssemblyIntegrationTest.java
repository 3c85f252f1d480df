package io.sluice.blob.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.StatObjectArgs;
import io.sluice.blob.parts.MultipartAssembly;
import io.sluice.events.ChunkStored;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadRejected;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads whose chunks are written as the parts of the asset's multipart upload and completed in
 * place, on real Kafka and S3Proxy: the asset without a copy, and contract I6 when other bytes arrive
 * for a chunk — they never enter a part that holds accepted bytes, and the accepted bytes always
 * reach the asset, whichever came first.
 */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InPlaceAssemblyIntegrationTest {

    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = 5 * MIB;

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
    void shouldWriteTheChunksAsPartsAndCompleteTheAssetWithoutACopy() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(31, CHUNK, CHUNK, MIB + 17);
        openAndAccept(upload, CHUNK);
        for (int i = upload.chunks.size() - 1; i >= 0; i--) writer.send(upload.chunkReceived(i)); // any order
        writer.send(upload.chunkReceived(1)); // a redelivery is its own part again

        List<ChunkStored> stored = writer.awaitChunksStored(upload.uploadId, 4);
        assertThat(stored).extracting(ChunkStored::getObjectKey).containsOnly(upload.assetKey());
        assertThat(writer.chunkObjects(upload.uploadId)).as("only the parts' claims, no chunk object")
                .containsExactlyInAnyOrder(claims(upload, 0, 1, 2));
        assertThat(writer.multipartUploads(upload.assetKey())).hasSize(1);
        long completedBefore = writer.service.counters().assetsCompletedInPlace();
        long composedBefore = writer.service.counters().assetsComposed();

        writer.decide(upload.uploadId, upload.verified());

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.service.counters().assetsCompletedInPlace()).isEqualTo(completedBefore + 1);
        assertThat(writer.service.counters().assetsComposed()).isEqualTo(composedBefore);
        assertThat(writer.sha256Of(upload.assetKey())).isEqualTo(upload.sha256());
        assertThat(contentTypeOf(upload.assetKey())).isEqualTo("image/jpeg");
        assertThat(writer.multipartUploads(upload.assetKey())).isEmpty();
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldNeverLetOtherBytesIntoAPartThatAcceptedBytesHold() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(32, CHUNK, CHUNK);
        byte[] conflicting = TestUploads.withChunkLengths(33, CHUNK).chunks.getFirst();
        openAndAccept(upload, CHUNK);
        writer.send(upload.chunkReceived(0));
        writer.send(upload.chunkReceived(1));
        writer.send(upload.chunkReceived(0, conflicting)); // the client's file changed: chunk_conflict

        List<ChunkStored> stored = writer.awaitChunksStored(upload.uploadId, 3);
        String conflictingKey = stored.get(2).getObjectKey();
        assertThat(conflictingKey).as("stored beside the part, not in it").isNotEqualTo(upload.assetKey());
        assertThat(writer.chunkObjects(upload.uploadId)).contains(conflictingKey);

        writer.decide(upload.uploadId, upload.verified()); // the first bytes were accepted

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.sha256Of(upload.assetKey())).isEqualTo(upload.sha256());
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldAssembleTheAcceptedBytesWhenOtherBytesClaimedTheirPartFirst() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(34, CHUNK, CHUNK);
        byte[] refused = TestUploads.withChunkLengths(35, CHUNK).chunks.getFirst();
        openAndAccept(upload, CHUNK);
        writer.send(upload.chunkReceived(0, refused)); // refused by the session processor (too far ahead, say)
        writer.send(upload.chunkReceived(0)); // then accepted: its part holds the refused bytes
        writer.send(upload.chunkReceived(1));
        writer.awaitChunksStored(upload.uploadId, 3);
        assertThat(writer.chunkObjects(upload.uploadId)).contains(upload.chunkKey(0));

        writer.decide(upload.uploadId, upload.verified());

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.sha256Of(upload.assetKey())).isEqualTo(upload.sha256());
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldKeepChunkObjectsForAnUploadOfSmallChunks() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(36, MIB, MIB);
        openAndAccept(upload, MIB);
        writer.send(upload.chunkReceived(0));
        writer.send(upload.chunkReceived(1));

        writer.awaitChunksStored(upload.uploadId, 2);

        assertThat(writer.chunkObjects(upload.uploadId)).containsExactlyInAnyOrder(upload.chunkKey(0), upload.chunkKey(1));
        assertThat(writer.multipartUploads(upload.assetKey())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(AssemblyIntegrationTest.Ending.class)
    void shouldAbortTheMultipartUploadOfAnUploadThatEnded(AssemblyIntegrationTest.Ending ending) throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(37, CHUNK, CHUNK);
        openAndAccept(upload, CHUNK);
        writer.send(upload.chunkReceived(0));
        writer.awaitChunksStored(upload.uploadId, 1);
        assertThat(writer.multipartUploads(upload.assetKey())).hasSize(1);

        writer.decide(upload.uploadId, ending.decision.apply(upload.uploadId));

        writer.awaitNoChunkObjects(upload.uploadId);
        Await.until(Duration.ofSeconds(30), () -> writer.multipartUploads(upload.assetKey()).isEmpty(),
                "the multipart upload of " + upload.uploadId + " to be aborted");
    }

    @Test
    void shouldBeginNoMultipartUploadForAnOpeningTheSessionProcessorRefused() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(38, CHUNK, CHUNK);
        writer.send(upload.opened(CHUNK));
        writer.decide(upload.uploadId, UploadRejected.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(upload.uploadId).setTenant(TestUploads.TENANT).setTimestamp(Instant.now())
                .setReason(RejectionReason.UPLOAD_EXISTS).build());
        writer.send(upload.chunkReceived(0)); // a direct producer's chunk of the refused upload

        assertThat(writer.awaitChunksStored(upload.uploadId, 1)).extracting(ChunkStored::getObjectKey)
                .containsExactly(upload.chunkKey(0));
        assertThat(writer.multipartUploads(upload.assetKey())).isEmpty();
    }

    @Test
    void shouldBeginNoMultipartUploadForARetriedCreateOfAnUploadThatEnded() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(39, CHUNK, CHUNK);
        openAndAccept(upload, CHUNK);
        writer.send(upload.chunkReceived(0));
        writer.send(upload.chunkReceived(1));
        writer.awaitChunksStored(upload.uploadId, 2);
        writer.decide(upload.uploadId, upload.verified());
        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.multipartUploads(upload.assetKey())).isEmpty();

        writer.decide(upload.uploadId, upload.accepted(CHUNK, true)); // the client created it again, same body
        // another upload on the same partition, read after the retry: once its multipart upload is begun, so was the retry read
        openAndAccept(upload.onSamePartition(40, CHUNK, CHUNK), CHUNK);

        assertThat(writer.multipartUploads(upload.assetKey())).as("none begun again for the finished upload").isEmpty();
    }

    /** What the ingest API and the session processor write before a client sends chunks. */
    private void openAndAccept(TestUploads upload, int chunkSize) throws Exception {
        writer.send(upload.opened(chunkSize));
        writer.decide(upload.uploadId, upload.accepted(chunkSize, false));
        if (MultipartAssembly.eligible(chunkSize, upload.chunks.size())) {
            Await.until(Duration.ofSeconds(30), () -> writer.multipartUploads(upload.assetKey()).size() == 1,
                    "the multipart upload of " + upload.uploadId + " to be begun");
        }
    }

    private static String[] claims(TestUploads upload, int... indexes) {
        String[] keys = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) keys[i] = MultipartAssembly.claimKey(upload.uploadId, indexes[i]);
        return keys;
    }

    private String contentTypeOf(String key) throws Exception {
        return writer.s3.statObject(StatObjectArgs.builder().bucket(BlobWriterUnderTest.BUCKET).object(key).build())
                .contentType();
    }
}
