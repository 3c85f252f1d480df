package io.sluice.blob.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.sluice.blob.events.BlobEventIds;
import io.sluice.events.AssetDeleted;
import io.sluice.events.AssetStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.FailureReason;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadState;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssemblyIntegrationTest {

    private static final int MIB = 1024 * 1024;

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
    void shouldComposeChunksOfAtLeastFiveMiBIntoOneReadableObject() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(10, 5 * MIB, 6 * MIB, MIB + 17);
        storeChunks(upload);
        long composedBefore = writer.service.counters().assetsComposed();
        UploadVerified verified = upload.verified();

        writer.decide(upload.uploadId, verified);

        AssetStored stored = writer.awaitAssetsStored(upload.uploadId, 1).getFirst();
        assertThat(stored).isEqualTo(AssetStored.newBuilder().setEventId(BlobEventIds.assetStored(verified.getEventId()))
                .setUploadId(upload.uploadId).setTenant(TestUploads.TENANT).setTimestamp(stored.getTimestamp())
                .setCausationId(verified.getEventId()).setAssetId(verified.getAssetId()).setObjectKey(upload.assetKey())
                .setSize(upload.size()).setSha256(upload.sha256()).setFileName("photo.jpg").setContentType("image/jpeg")
                .setDerivativeOf(null).setMetadata(verified.getMetadata()).build());
        assertThat(writer.service.counters().assetsComposed()).isEqualTo(composedBefore + 1);
        assertThat(writer.sha256Of(upload.assetKey())).isEqualTo(upload.sha256());
        assertThat(contentTypeOf(upload.assetKey())).isEqualTo("image/jpeg");
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldCopySmallChunksByStreamingAndDeleteConflictingDuplicatesToo() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(11, 64 * 1024, 64 * 1024, 64 * 1024, 1_000);
        storeChunks(upload);
        writer.send(upload.chunkReceived(1, TestUploads.withChunkLengths(12, 64 * 1024).chunks.getFirst()));
        writer.awaitChunksStored(upload.uploadId, upload.chunks.size() + 1);
        long streamedBefore = writer.service.counters().assetsStreamed();

        writer.decide(upload.uploadId, upload.verified());

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.service.counters().assetsStreamed()).isEqualTo(streamedBefore + 1);
        assertThat(writer.read(upload.assetKey())).isEqualTo(concatenated(upload));
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldCopyASingleChunkUploadServerSide() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(13, 100_000);
        storeChunks(upload);

        writer.decide(upload.uploadId, upload.verified());

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.read(upload.assetKey())).isEqualTo(upload.chunks.getFirst());
        assertThat(contentTypeOf(upload.assetKey())).isEqualTo("image/jpeg");
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    @Test
    void shouldKeepTheAssetAndReportItAgainWhenTheVerifiedUploadIsRedelivered() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(14, 70_000, 30_000);
        storeChunks(upload);
        UploadVerified verified = upload.verified();
        writer.decide(upload.uploadId, verified);
        writer.awaitAssetsStored(upload.uploadId, 1);
        writer.awaitNoChunkObjects(upload.uploadId);
        long alreadyStoredBefore = writer.service.counters().assetsAlreadyStored();

        writer.decide(upload.uploadId, verified);

        AssetStored again = writer.awaitAssetsStored(upload.uploadId, 2).get(1);
        assertThat(again.getEventId()).isEqualTo(BlobEventIds.assetStored(verified.getEventId()));
        assertThat(writer.service.counters().assetsAlreadyStored()).isEqualTo(alreadyStoredBefore + 1);
        assertThat(writer.read(upload.assetKey())).isEqualTo(concatenated(upload));
    }

    @Test
    void shouldSetAsideAVerifiedUploadWhoseChunkObjectIsMissing() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(16, 5_000, 5_000);
        writer.send(upload.chunkReceived(0)); // chunk 1 never stored
        writer.awaitChunksStored(upload.uploadId, 1);

        RecordMetadata at = writer.decide(upload.uploadId, upload.verified());

        DeadLetter letter = writer.awaitDeadLetter(Topics.UPLOAD_DECISIONS.name(), at.partition(), at.offset());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
        assertThat(letter.getDetail()).contains(upload.chunkKey(1), "missing");
        assertThat(writer.chunkObjects(upload.uploadId)).containsExactly(upload.chunkKey(0));
    }

    @Test
    void shouldRemoveTheObjectOfADeletedAssetAndNoOtherObject() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(18, 6_000, 6_000);
        storeChunks(upload);
        writer.decide(upload.uploadId, upload.verified());
        writer.awaitAssetsStored(upload.uploadId, 1);
        TestUploads bystander = TestUploads.withChunkLengths(19, 3_000);
        storeChunks(bystander);
        writer.decide(bystander.uploadId, bystander.verified());
        writer.awaitAssetsStored(bystander.uploadId, 1);

        RecordMetadata hostile = writer.decide(upload.uploadId, deleted(upload).setObjectKey(bystander.assetKey()).build());
        DeadLetter letter = writer.awaitDeadLetter(Topics.UPLOAD_DECISIONS.name(), hostile.partition(), hostile.offset());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
        assertThat(writer.read(bystander.assetKey())).isEqualTo(concatenated(bystander));

        writer.decide(upload.uploadId, deleted(upload).build());
        Await.until(Duration.ofSeconds(30), () -> !writer.exists(upload.assetKey()), "the asset object to be removed");
        writer.decide(upload.uploadId, deleted(upload).build()); // a redelivery: nothing left to remove, no failure
        Await.until(Duration.ofSeconds(30), () -> writer.service.counters().assetsDeleted() >= 2, "the second deletion");
        assertThat(writer.read(bystander.assetKey())).isEqualTo(concatenated(bystander));
    }

    private static AssetDeleted.Builder deleted(TestUploads upload) {
        String assetId = UploadIds.assetIdFor(upload.uploadId);
        return AssetDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(upload.uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(Instant.now()).setAssetId(assetId)
                .setObjectKey(upload.assetKey());
    }

    @Test
    void shouldNeverOverwriteAnAssetObjectOfAnotherSizeUnderTheSameKey() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(17, 5_000, 5_000);
        byte[] other = new byte[1234];
        writer.s3.putObject(PutObjectArgs.builder().bucket(BlobWriterUnderTest.BUCKET).object(upload.assetKey())
                .stream(new java.io.ByteArrayInputStream(other), other.length, -1).build());
        storeChunks(upload);

        RecordMetadata at = writer.decide(upload.uploadId, upload.verified());

        DeadLetter letter = writer.awaitDeadLetter(Topics.UPLOAD_DECISIONS.name(), at.partition(), at.offset());
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.PROCESSING_FAILED);
        assertThat(letter.getDetail()).contains(upload.assetKey(), "never overwritten");
        assertThat(writer.read(upload.assetKey())).isEqualTo(other);
    }

    /** The decisions after which an upload's chunk objects are of no further use. */
    enum Ending {
        ABORTED(uploadId -> UploadAborted.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(Instant.now()).build()),
        FAILED(uploadId -> UploadFailed.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(Instant.now()).setReason(FailureReason.CHECKSUM_MISMATCH)
                .build()),
        EXPIRED(uploadId -> UploadExpired.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(Instant.now()).setLastActivityAt(Instant.EPOCH)
                .setExpiresAt(Instant.EPOCH).build()),
        FORGOTTEN(uploadId -> UploadForgotten.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TestUploads.TENANT).setTimestamp(Instant.now()).setState(UploadState.FINISHED)
                .setEndedAt(Instant.EPOCH).build());

        final Function<String, Object> decision;

        Ending(Function<String, Object> decision) {
            this.decision = decision;
        }
    }

    @ParameterizedTest
    @EnumSource(Ending.class)
    void shouldDeleteTheChunkObjectsOfAnUploadThatEnded(Ending ending) throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(15, 10_000, 10_000);
        storeChunks(upload);
        assertThat(writer.chunkObjects(upload.uploadId)).hasSize(2);

        writer.decide(upload.uploadId, ending.decision.apply(upload.uploadId));

        writer.awaitNoChunkObjects(upload.uploadId);
    }

    private void storeChunks(TestUploads upload) throws Exception {
        for (int i = 0; i < upload.chunks.size(); i++) writer.send(upload.chunkReceived(i));
        writer.awaitChunksStored(upload.uploadId, upload.chunks.size());
    }

    private String contentTypeOf(String key) throws Exception {
        return writer.s3.statObject(StatObjectArgs.builder().bucket(BlobWriterUnderTest.BUCKET).object(key).build())
                .contentType();
    }

    private static byte[] concatenated(TestUploads upload) {
        byte[] all = new byte[(int) upload.size()];
        int at = 0;
        for (byte[] chunk : upload.chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }
}
