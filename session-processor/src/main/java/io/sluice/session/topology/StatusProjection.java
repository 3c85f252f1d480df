package io.sluice.session.topology;

import io.sluice.events.FailureReason;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Failure;
import io.sluice.session.domain.SessionData;
import io.sluice.session.domain.Sha256;
import java.time.Instant;
import java.util.ArrayList;

/**
 * The status projection of a session: what {@code GET /v1/uploads/{id}} shows, with the chunk
 * progress records for which chunks. Bounded whatever the chunk count.
 */
final class StatusProjection {

    private StatusProjection() {}

    static UploadStatus of(SessionRecord record, Instant updatedAt) {
        SessionData d = record.data;
        return UploadStatus.newBuilder()
                .setUploadId(record.opened.getUploadId())
                .setTenant(record.opened.getTenant())
                .setUpdatedAt(updatedAt)
                .setState(UploadState.valueOf(d.state().name()))
                .setFileName(record.opened.getFileName())
                .setContentType(record.opened.getContentType())
                .setSize(record.opened.getSize())
                .setChunkSize(record.opened.getChunkSize())
                .setChunkCount(record.opened.getChunkCount())
                .setIdempotencyKey(record.opened.getIdempotencyKey())
                .setDerivativeOf(record.opened.getDerivativeOf())
                .setMetadata(record.opened.getMetadata())
                .setReceivedCount(d.receivedCount())
                .setStoredCount(d.storedCount())
                .setBytesHashed(d.bytesHashed())
                .setParkedBytes(d.parkedBytes())
                .setCreatedAt(Instant.ofEpochMilli(d.createdAtMillis()))
                .setLastActivityAt(Instant.ofEpochMilli(d.lastActivityMillis()))
                .setExpiresAt(DecisionMapper.expiresAt(record))
                .setRejectedChunks(new ArrayList<>(record.rejectedChunks))
                .setRecentOutcomes(new ArrayList<>(record.outcomes))
                .setError(error(d.failure()))
                .setSha256(d.finishSha256() == null ? null : Sha256.hex(d.finishSha256()))
                .setAssetId(d.verified() ? UploadIds.assetIdFor(record.opened.getUploadId()) : null)
                .build();
    }

    private static UploadError error(Failure failure) {
        return failure == null ? null
                : new UploadError(FailureReason.valueOf(failure.reason().name()), failure.expected(), failure.actual());
    }
}
