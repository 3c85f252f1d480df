package io.sluice.schemas;

import io.sluice.events.AbortRejected;
import io.sluice.events.AbortRequested;
import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetDeleted;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkProgress;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRef;
import io.sluice.events.ChunkRejected;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterHeader;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.FailureReason;
import io.sluice.events.FinishRejected;
import io.sluice.events.FinishRequested;
import io.sluice.events.FinishedUpload;
import io.sluice.events.ForgetRequested;
import io.sluice.events.RecentUploads;
import io.sluice.events.RejectedChunk;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.RequestOutcome;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadError;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRejected;
import io.sluice.events.UploadRequest;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStateCounts;
import io.sluice.events.UploadStatus;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One fully populated instance of every event type, wrapped as it travels: in its topic's
 * envelope where the topic has one. Optional fields are set, so a round trip exercises them.
 */
public final class SampleEvents {
    public static final String UPLOAD_ID = "7d0c4f0e-2b8a-4d3e-9a59-3f1c2b7e6a10";
    public static final String TENANT = "acme";
    public static final String ASSET_ID = "a-7d0c4f0e";
    // timestamp-millis holds milliseconds only: a sample with nanoseconds would not round-trip
    public static final Instant NOW = Instant.ofEpochMilli(1_760_000_000_123L);
    public static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** An event, the topic it travels on and the record value as written there. */
    public record Sample<V extends SpecificRecord>(String eventType, TopicSpec<?, V> topic, V value) {
        @Override
        public String toString() {
            return eventType;
        }
    }

    private SampleEvents() {}

    public static List<Sample<?>> all() {
        return List.of(
                request(uploadOpened()),
                request(chunkReceived(3, "chunk bytes".getBytes(StandardCharsets.UTF_8))),
                request(FinishRequested.newBuilder().setEventId(id(3)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setSize(42L).setSha256(SHA).build()),
                request(AbortRequested.newBuilder().setEventId(id(4)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setReason("user cancelled").build()),
                request(ExpiryRequested.newBuilder().setEventId(id(5)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setLastActivityAt(NOW.minusSeconds(3600)).build()),
                request(ForgetRequested.newBuilder().setEventId(id(6)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setEndedAt(NOW.minusSeconds(7 * 86_400)).build()),
                decision(UploadAccepted.newBuilder().setEventId(id(10)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(1)).setSize(42L)
                        .setChunkSize(16).setChunkCount(3).setExpiresAt(NOW.plusSeconds(3600))
                        .setContentType("image/jpeg").setRepeated(true).build()),
                decision(UploadRejected.newBuilder().setEventId(id(11)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(1))
                        .setReason(RejectionReason.IDEMPOTENCY_KEY_REUSED).setDetail("other body").build()),
                decision(ChunkAccepted.newBuilder().setEventId(id(12)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(2)).setIndex(3).setLength(11)
                        .setSha256(SHA).setDuplicate(true).setParked(true).setBytesHashed(32L)
                        .setExpiresAt(NOW.plusSeconds(3600)).build()),
                decision(ChunkRejected.newBuilder().setEventId(id(13)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(2)).setIndex(3).setLength(11)
                        .setSha256(SHA).setReason(RejectionReason.CHUNK_CONFLICT)
                        .setDetail("index 3 was accepted with other bytes").build()),
                decision(FinishRejected.newBuilder().setEventId(id(14)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(3))
                        .setReason(RejectionReason.CHUNKS_MISSING).setMissing(List.of(1, 2))
                        .setDetail("2 chunks missing").build()),
                decision(AbortRejected.newBuilder().setEventId(id(15)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(4))
                        .setReason(RejectionReason.UPLOAD_FINISHED).setDetail("finished").build()),
                decision(UploadVerified.newBuilder().setEventId(id(16)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(3)).setAssetId(ASSET_ID)
                        .setFileName("cat.jpg").setContentType("image/jpeg").setSize(42L).setSha256(SHA)
                        .setDerivativeOf(derivative()).setMetadata(Map.of("camera", "x100"))
                        .setChunks(List.of(
                                new ChunkRef(0, 16, SHA, "uploads/" + UPLOAD_ID + "/chunks/0"),
                                new ChunkRef(1, 16, SHA, "uploads/" + UPLOAD_ID + "/chunks/1"),
                                new ChunkRef(2, 10, SHA, "uploads/" + UPLOAD_ID + "/chunks/2")))
                        .build()),
                decision(UploadFailed.newBuilder().setEventId(id(17)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(3))
                        .setReason(FailureReason.CHECKSUM_MISMATCH).setDetail("hash differs")
                        .setExpectedSize(42L).setActualSize(42L).setExpectedSha256(SHA)
                        .setActualSha256(SHA.replace('e', 'f')).build()),
                decision(UploadAborted.newBuilder().setEventId(id(18)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(4)).setReason("user cancelled")
                        .build()),
                decision(UploadExpired.newBuilder().setEventId(id(19)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(5))
                        .setLastActivityAt(NOW.minusSeconds(3600)).setExpiresAt(NOW).build()),
                decision(AssetDeleted.newBuilder().setEventId(id(23)).setUploadId(UPLOAD_ID).setTenant(TENANT)
                        .setTimestamp(NOW).setCausationId(id(24)).setAssetId(ASSET_ID)
                        .setObjectKey("assets/" + ASSET_ID).build()),
                new Sample<>("AssetDeleteRequested", Topics.ASSET_REQUESTS, new AssetRequest(AssetDeleteRequested
                        .newBuilder().setEventId(id(24)).setUploadId(UPLOAD_ID).setAssetId(ASSET_ID).setTenant(TENANT)
                        .setTimestamp(NOW).build())),
                decision(UploadForgotten.newBuilder().setEventId(id(22)).setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setTimestamp(NOW).setCausationId(id(6)).setState(UploadState.FINISHED)
                        .setEndedAt(NOW.minusSeconds(7 * 86_400)).build()),
                new Sample<>("UploadStatus", Topics.UPLOAD_STATUS, uploadStatus()),
                new Sample<>("UploadStateCounts", Topics.DASHBOARD_UPLOAD_STATES, UploadStateCounts.newBuilder()
                        .setTenant(TENANT).setOpen(1).setFinishing(2).setFinished(3).setFailed(4).setAborted(5)
                        .setExpired(6).setUpdatedAt(NOW).build()),
                new Sample<>("TenantMinute", Topics.DASHBOARD_MINUTES, TenantMinute.newBuilder().setTenant(TENANT)
                        .setMinuteStart(NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)).setBytesReceived(42)
                        .setBytesFinished(40).setUploadsFinished(1).setUploadsFailed(Map.of("checksum_mismatch", 1L))
                        .setChunksRejected(Map.of("chunk_conflict", 2L)).setRequestsRejected(Map.of("unknown_upload", 3L))
                        .build()),
                new Sample<>("RecentUploads", Topics.DASHBOARD_RECENT, RecentUploads.newBuilder().setTenant(TENANT)
                        .setUploads(List.of(FinishedUpload.newBuilder().setUploadId(UPLOAD_ID).setAssetId(ASSET_ID)
                                .setFileName("cat.jpg").setContentType("image/jpeg").setSize(42L).setFinishedAt(NOW)
                                .build())).setUpdatedAt(NOW).build()),
                new Sample<>("ChunkProgress", Topics.UPLOAD_CHUNKS, ChunkProgress.newBuilder().setUploadId(UPLOAD_ID)
                        .setTenant(TENANT).setIndex(2).setSha256(SHA).setStored(true).setUpdatedAt(NOW).build()),
                blob(ChunkStored.newBuilder().setEventId(id(20)).setUploadId(UPLOAD_ID).setTenant(TENANT)
                        .setTimestamp(NOW).setCausationId(id(2)).setIndex(3).setLength(11).setSha256(SHA)
                        .setObjectKey("uploads/" + UPLOAD_ID + "/chunks/3").build()),
                blob(AssetStored.newBuilder().setEventId(id(21)).setUploadId(UPLOAD_ID).setTenant(TENANT)
                        .setTimestamp(NOW).setCausationId(id(16)).setAssetId(ASSET_ID)
                        .setObjectKey("assets/" + ASSET_ID).setSize(42L).setSha256(SHA).setFileName("cat.jpg")
                        .setContentType("image/jpeg").setDerivativeOf(derivative())
                        .setMetadata(Map.of("camera", "x100")).build()),
                new Sample<>("UploadFinished", Topics.UPLOADS_FINISHED, UploadFinished.newBuilder()
                        .setEventId(id(30)).setUploadId(UPLOAD_ID).setTenant(TENANT).setTimestamp(NOW)
                        .setCausationId(id(21)).setAssetId(ASSET_ID).setFileName("cat.jpg")
                        .setContentType("image/jpeg").setSize(42L).setSha256(SHA)
                        .setObjectKey("assets/" + ASSET_ID).setCreatedAt(NOW).setDerivativeOf(derivative())
                        .build()),
                new Sample<>("AssetIndexEntry", Topics.ASSET_INDEX, AssetIndexEntry.newBuilder()
                        .setAssetId(ASSET_ID).setTenant(TENANT).setUploadId(UPLOAD_ID).setFileName("cat.jpg")
                        .setContentType("image/jpeg").setSize(42L).setSha256(SHA)
                        .setObjectKey("assets/" + ASSET_ID).setCreatedAt(NOW).setDerivativeOf(derivative())
                        .setMetadata(Map.of("camera", "x100", "ünïcödé", "✓")).setDeletedAt(NOW.plusSeconds(60)).build()),
                new Sample<>("DeadLetter", Topics.DEAD_LETTERS, DeadLetter.newBuilder()
                        .setEventId(id(40)).setTimestamp(NOW).setComponent("session-processor")
                        .setSourceTopic(Topics.UPLOAD_REQUESTS.name()).setSourcePartition(2)
                        .setSourceOffset(12345L).setSourceTimestamp(NOW.minusMillis(5))
                        .setKey(ByteBuffer.wrap(UPLOAD_ID.getBytes(StandardCharsets.UTF_8)))
                        .setValue(ByteBuffer.wrap(new byte[] {1, 2, 3, 0, (byte) 0xff}))
                        .setHeaders(List.of(new DeadLetterHeader("trace", ByteBuffer.wrap(new byte[] {7})),
                                new DeadLetterHeader("empty", null)))
                        .setReason(DeadLetterReason.UNDECODABLE).setDetail("WRONG_MAGIC_BYTE: first byte is 1")
                        .build()));
    }

    public static UploadOpened uploadOpened() {
        return UploadOpened.newBuilder().setEventId(id(1)).setUploadId(UPLOAD_ID).setTenant(TENANT)
                .setTimestamp(NOW).setFileName("cat.jpg").setContentType("image/jpeg").setSize(42L)
                .setChunkSize(16).setChunkCount(3).setSha256(SHA).setIdempotencyKey("key-1")
                .setDerivativeOf(derivative()).setMetadata(Map.of("camera", "x100"))
                .setIdleTtlMillis(3_600_000L).setExpiresAt(NOW.plusSeconds(3600)).build();
    }

    public static ChunkReceived chunkReceived(int index, byte[] bytes) {
        return ChunkReceived.newBuilder().setEventId(id(2)).setUploadId(UPLOAD_ID).setTenant(TENANT)
                .setTimestamp(NOW).setIndex(index).setLength(bytes.length).setSha256(SHA)
                .setBytes(ByteBuffer.wrap(bytes)).build();
    }

    /**
     * The status of an upload that went as far as a failure can go: every chunk accepted and stored,
     * the whole file verified, then a stored chunk found not to hold the accepted bytes. So every
     * optional field has a value, and so does every field of the nested records: a chunk rejected
     * on the way, a finish refused while a chunk was missing. Created at {@link #NOW}.
     */
    public static UploadStatus uploadStatus() {
        Instant lastActivity = NOW.plusSeconds(30);
        return UploadStatus.newBuilder().setUploadId(UPLOAD_ID).setTenant(TENANT)
                .setUpdatedAt(NOW.plusSeconds(40)).setState(UploadState.FAILED).setFileName("cat.jpg")
                .setContentType("image/jpeg").setSize(42L).setChunkSize(16).setChunkCount(3)
                .setIdempotencyKey("key-1").setDerivativeOf(derivative()).setMetadata(Map.of("camera", "x100"))
                .setReceivedCount(3).setStoredCount(3)
                .setBytesHashed(42L).setParkedBytes(0L).setCreatedAt(NOW).setLastActivityAt(lastActivity)
                .setExpiresAt(lastActivity.plusSeconds(3600))
                .setRejectedChunks(List.of(new RejectedChunk(1, RejectionReason.CHUNK_CONFLICT,
                        "index 1 was accepted with other bytes", SHA.replace('e', 'f'), NOW.plusSeconds(10))))
                .setRecentOutcomes(List.of(
                        new RequestOutcome(id(1), RequestKind.OPEN, true, null, null, List.of(), NOW),
                        new RequestOutcome(id(3), RequestKind.FINISH, false, RejectionReason.CHUNKS_MISSING,
                                "1 chunk missing", List.of(2), NOW.plusSeconds(20))))
                .setError(new UploadError(FailureReason.STORED_CHUNK_MISMATCH, SHA, SHA.replace('e', 'f')))
                .setSha256(SHA).setAssetId(ASSET_ID).build();
    }

    private static DerivativeLink derivative() {
        return new DerivativeLink("a-original", DerivativeRole.THUMBNAIL);
    }

    private static Sample<UploadRequest> request(SpecificRecord event) {
        return new Sample<>(event.getSchema().getName(), Topics.UPLOAD_REQUESTS, new UploadRequest(event));
    }

    private static Sample<UploadDecision> decision(SpecificRecord event) {
        return new Sample<>(event.getSchema().getName(), Topics.UPLOAD_DECISIONS, new UploadDecision(event));
    }

    private static Sample<BlobEvent> blob(SpecificRecord event) {
        return new Sample<>(event.getSchema().getName(), Topics.BLOB_EVENTS, new BlobEvent(event));
    }

    private static String id(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }
}
