package io.sluice.ingest.uploads;

import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.projections.UploadChunksView;
import io.sluice.projections.UploadStatusView;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.upload.ChunkGrid;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the caller's upload in the status view. Another tenant's upload does not exist for the
 * caller (404, as an unknown one). A miss is not believed at once: first the view catches up with
 * everything committed to the status topic (this instance may lag another), then it waits a little
 * more for a status not yet projected (a create is answered before the session processor has
 * projected the upload, and the client's next call may reach any instance).
 */
public final class UploadLookup {

    private final UploadStatusView statuses;
    private final UploadChunksView chunks;
    private final RecentlyOpened recentlyOpened;
    private final Duration catchUpWait;
    private final Duration grace;
    private final Duration openedHereWait;

    /**
     * @param catchUpWait the bound on catching up with the status topic (usually over in milliseconds)
     * @param grace how long an unknown id then waits for its status
     * @param openedHereWait how long an id this instance opened then waits for its status
     */
    public UploadLookup(UploadStatusView statuses, UploadChunksView chunks, RecentlyOpened recentlyOpened,
            Duration catchUpWait, Duration grace, Duration openedHereWait) {
        this.statuses = statuses;
        this.chunks = chunks;
        this.recentlyOpened = recentlyOpened;
        this.catchUpWait = catchUpWait;
        this.grace = grace;
        this.openedHereWait = openedHereWait;
    }

    /** The status as the view has it now, without waiting; empty for an unknown id or another tenant's upload. */
    public Optional<UploadStatus> now(String tenant, String uploadId) {
        if (!UploadIds.isUploadId(uploadId)) return Optional.empty();
        return statuses.get(uploadId).filter(status -> status.getTenant().equals(tenant));
    }

    /**
     * The caller's upload, waiting for its status if it is not there yet.
     *
     * @throws ApiException 404 when there is no such upload for this tenant; 503 when this instance
     *     opened it but the session processor has not projected it yet
     */
    public UploadStatus require(String tenant, String uploadId) throws InterruptedException {
        if (!UploadIds.isUploadId(uploadId)) throw notFound();
        Optional<UploadStatus> status = statuses.get(uploadId);
        if (status.isEmpty() && statuses.awaitCaughtUp(catchUpWait)) status = statuses.get(uploadId);
        if (status.isEmpty()) {
            boolean openedHere = recentlyOpened.get(uploadId, tenant).isPresent();
            status = statuses.await(uploadId, any -> true, openedHere ? openedHereWait : grace);
            if (status.isEmpty() && openedHere) {
                throw new ApiException(ProblemCode.SERVICE_UNAVAILABLE,
                        "the upload is recorded but its status is not available yet").header("Retry-After", "1");
            }
        }
        return status.filter(found -> found.getTenant().equals(tenant)).orElseThrow(UploadLookup::notFound);
    }

    /**
     * The upload's received and stored chunks, from the chunk progress view, at least as far as the
     * status counts them: the session processor writes a status and its chunk records in one
     * transaction, but two views read them, so a chunk view behind the status first catches up with
     * everything committed.
     */
    public UploadChunksView.ChunkSets chunks(UploadStatus status) throws InterruptedException {
        UploadChunksView.ChunkSets sets = chunks.chunks(status.getUploadId(), status.getChunkCount());
        if (sets.received().cardinality() >= status.getReceivedCount()
                && sets.stored().cardinality() >= status.getStoredCount()) {
            return sets;
        }
        chunks.awaitCaughtUp(catchUpWait);
        return chunks.chunks(status.getUploadId(), status.getChunkCount());
    }

    /**
     * The upload as far as this instance knows it, for sending chunks to: its shape, and its status
     * unless only its create is known yet (this instance opened it a moment ago).
     *
     * @param status null while only the create is known
     */
    public record Target(ChunkGrid shape, UploadStatus status) {}

    /** The caller's upload to send chunks to, waiting for its status only when its create is not known here. */
    public Target target(String tenant, String uploadId) throws InterruptedException {
        Optional<UploadStatus> status = now(tenant, uploadId);
        if (status.isPresent()) return new Target(shapeOf(status.get()), status.get());
        Optional<RecentlyOpened.Opened> opened = recentlyOpened.get(uploadId, tenant);
        if (opened.isPresent()) return new Target(opened.get().shape(), null);
        UploadStatus found = require(tenant, uploadId);
        return new Target(shapeOf(found), found);
    }

    public static ChunkGrid shapeOf(UploadStatus status) {
        return new ChunkGrid(status.getSize(), status.getChunkSize(), status.getChunkCount());
    }

    /** Whether the session processor has accepted the chunk, as far as this instance has seen. */
    public boolean isReceived(UploadStatus status, int index) {
        return chunks.isReceived(status.getUploadId(), index);
    }

    static ApiException notFound() {
        return new ApiException(ProblemCode.NOT_FOUND, "no such upload");
    }
}
