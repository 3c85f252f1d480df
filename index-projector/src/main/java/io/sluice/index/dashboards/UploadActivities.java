package io.sluice.index.dashboards;

import io.sluice.events.AbortRejected;
import io.sluice.events.AssetDeleted;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkRejected;
import io.sluice.events.FinishRejected;
import io.sluice.events.FinishedUpload;
import io.sluice.events.TenantActivity;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadRejected;
import io.sluice.events.UploadState;
import io.sluice.events.UploadVerified;
import java.time.Instant;
import java.util.Optional;

/**
 * What one upload event adds to its tenant's dashboard figures, given the state the upload is
 * counted in so far. Pure: the processor around it keeps each upload's counted state.
 *
 * <p>An upload's counted state only moves forward — nothing → OPEN → FINISHING → one terminal
 * state — so events of one upload that reach the projector from two topics in either order count
 * alike, and a terminal state, once counted, stays (a second outcome cannot exist; if one came it
 * would not be counted twice). Bytes finished and failures count with the move into FINISHED and
 * FAILED, so they too count once per upload.
 */
final class UploadActivities {

    /** The upload's counted state after the event (empty: forgotten), and what the tenant's figures gain. */
    record Derived(Optional<UploadState> state, TenantActivity activity) {}

    private UploadActivities() {}

    /**
     * @param event a decision's payload or an {@code UploadFinished}
     * @param counted the upload's counted state so far, or null
     * @return empty when the event adds nothing to any figure
     */
    static Optional<Derived> derive(Object event, UploadState counted) {
        return switch (event) {
            case UploadAccepted e -> moveTo(counted, UploadState.OPEN, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()));
            case UploadVerified e -> moveTo(counted, UploadState.FINISHING, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()));
            case UploadFinished e -> moveTo(counted, UploadState.FINISHED, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()).setFinished(FinishedUpload.newBuilder().setUploadId(e.getUploadId())
                    .setAssetId(e.getAssetId()).setFileName(e.getFileName()).setContentType(e.getContentType())
                    .setSize(e.getSize()).setFinishedAt(e.getTimestamp()).build()));
            case UploadFailed e -> moveTo(counted, UploadState.FAILED, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()).setFailure(reason(e.getReason())));
            case UploadAborted e -> moveTo(counted, UploadState.ABORTED, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()));
            case UploadExpired e -> moveTo(counted, UploadState.EXPIRED, activity(e.getTenant(), e.getUploadId(),
                    e.getTimestamp()));
            case UploadForgotten e -> counted == null ? Optional.empty() : Optional.of(new Derived(Optional.empty(),
                    activity(e.getTenant(), e.getUploadId(), e.getTimestamp()).setLeftState(counted).build()));
            case ChunkAccepted e -> e.getDuplicate() ? Optional.empty() : unchanged(counted,
                    activity(e.getTenant(), e.getUploadId(), e.getTimestamp()).setBytesReceived(e.getLength()));
            case ChunkRejected e -> unchanged(counted, activity(e.getTenant(), e.getUploadId(), e.getTimestamp())
                    .setRejectedChunk(reason(e.getReason())));
            case UploadRejected e -> unchanged(counted, activity(e.getTenant(), e.getUploadId(), e.getTimestamp())
                    .setRejectedRequest(reason(e.getReason())));
            case FinishRejected e -> unchanged(counted, activity(e.getTenant(), e.getUploadId(), e.getTimestamp())
                    .setRejectedRequest(reason(e.getReason())));
            case AbortRejected e -> unchanged(counted, activity(e.getTenant(), e.getUploadId(), e.getTimestamp())
                    .setRejectedRequest(reason(e.getReason())));
            case AssetDeleted e -> unchanged(counted, activity(e.getTenant(), e.getUploadId(), e.getTimestamp())
                    .setDeletedAssetId(e.getAssetId()));
            default -> Optional.empty();
        };
    }

    /** Where a state stands in the one direction an upload moves. */
    static int rank(UploadState state) {
        return switch (state) {
            case OPEN -> 0;
            case FINISHING -> 1;
            case FINISHED, FAILED, ABORTED, EXPIRED -> 2;
        };
    }

    private static Optional<Derived> moveTo(UploadState counted, UploadState target, TenantActivity.Builder activity) {
        if (counted != null && rank(counted) >= rank(target)) return Optional.empty();
        return Optional.of(new Derived(Optional.of(target),
                activity.setLeftState(counted).setEnteredState(target).build()));
    }

    private static Optional<Derived> unchanged(UploadState counted, TenantActivity.Builder activity) {
        return Optional.of(new Derived(Optional.ofNullable(counted), activity.build()));
    }

    private static TenantActivity.Builder activity(String tenant, String uploadId, Instant at) {
        return TenantActivity.newBuilder().setTenant(tenant).setUploadId(uploadId).setTimestamp(at);
    }

    private static String reason(Enum<?> reason) {
        return ActivityListener.reasonName(reason);
    }
}
