package io.sluice.index.topology;

import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkRejected;
import io.sluice.events.FailureReason;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One upload told to the index projector through the events the session processor and the index projector write. */
final class UploadStory {
    private final IndexProjectorDriver driver;
    final String tenant;
    final String uploadId;
    final long size;
    final Instant at;

    UploadStory(IndexProjectorDriver driver, String tenant, String uploadId, long size, Instant at) {
        this.driver = driver;
        this.tenant = tenant;
        this.uploadId = uploadId;
        this.size = size;
        this.at = at;
    }

    void open() {
        driver.decided(UploadAccepted.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant)
                .setTimestamp(at).setSize(size).setChunkSize((int) size).setChunkCount(1)
                .setExpiresAt(at.plus(Duration.ofHours(1))).build(), uploadId, at);
    }

    void chunk(int index, int length, boolean duplicate) {
        driver.decided(accepted(index, length, duplicate), uploadId, at);
    }

    ChunkAccepted accepted(int index, int length, boolean duplicate) {
        return ChunkAccepted.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant)
                .setTimestamp(at).setIndex(index).setLength(length).setSha256("cd".repeat(32))
                .setDuplicate(duplicate).setBytesHashed(length).setExpiresAt(at.plus(Duration.ofHours(1))).build();
    }

    /** Other bytes for a chunk already accepted. */
    ChunkRejected conflict(int index, int length) {
        return ChunkRejected.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant).setTimestamp(at)
                .setIndex(index).setLength(length).setSha256("ab".repeat(32)).setReason(RejectionReason.CHUNK_CONFLICT)
                .build();
    }

    /** Opens, sends the one chunk, verifies and finishes; returns the bytes received. */
    long finish() {
        open();
        chunk(0, (int) size, false);
        driver.decided(verified(), uploadId, at);
        driver.announced(finished());
        return size;
    }

    /** Opens, sends the one chunk and fails the finish on the checksum; returns the bytes received. */
    long failChecksum() {
        open();
        chunk(0, (int) size, false);
        driver.decided(UploadFailed.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant)
                .setTimestamp(at).setReason(FailureReason.CHECKSUM_MISMATCH).build(), uploadId, at);
        return size;
    }

    UploadVerified verified() {
        return UploadVerified.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant)
                .setTimestamp(at).setAssetId(UploadIds.assetIdFor(uploadId)).setFileName("f.bin")
                .setContentType("application/octet-stream").setSize(size).setSha256("ef".repeat(32))
                .setChunks(List.of()).build();
    }

    UploadFinished finished() {
        String assetId = UploadIds.assetIdFor(uploadId);
        return UploadFinished.newBuilder().setEventId(id()).setUploadId(uploadId).setTenant(tenant)
                .setTimestamp(at).setAssetId(assetId).setFileName("f.bin")
                .setContentType("application/octet-stream").setSize(size).setSha256("ef".repeat(32))
                .setObjectKey(ObjectKeys.asset(tenant, assetId)).setCreatedAt(at).build();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
