package io.sluice.ingest.uploads;

import io.sluice.events.RequestKind;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadStatus;
import io.sluice.projections.UploadStatusView;
import java.time.Duration;
import java.util.Optional;

/** Finds the session processor's answer to one request among a status's recent outcomes. */
public final class Outcomes {

    private Outcomes() {}

    /** The outcome of the request whose event id is {@code requestId}, once the status carries it. */
    public static Optional<RequestOutcome> of(UploadStatus status, String requestId) {
        for (RequestOutcome outcome : status.getRecentOutcomes()) {
            if (outcome.getRequestId().equals(requestId)) return Optional.of(outcome);
        }
        return Optional.empty();
    }

    /** A request's outcome together with the status that carries it. */
    public record Decided(UploadStatus status, RequestOutcome outcome) {}

    /**
     * Waits until the status view shows the session processor's outcome of the request
     * {@code requestId}; empty if the wait runs out first.
     */
    public static Optional<Decided> await(UploadStatusView statuses, String uploadId, String requestId,
            Duration timeout) throws InterruptedException {
        return statuses.await(uploadId, status -> of(status, requestId).isPresent(), timeout)
                .flatMap(status -> of(status, requestId).map(outcome -> new Decided(status, outcome)));
    }

    /**
     * Whether the upload existed before the open request {@code requestId}: another open was
     * accepted before it, or the session was created at another time than this request's.
     */
    public static boolean existedBefore(UploadStatus status, String requestId, long requestMillis) {
        if (status.getCreatedAt().toEpochMilli() != requestMillis) return true;
        for (RequestOutcome outcome : status.getRecentOutcomes()) {
            if (outcome.getRequestId().equals(requestId)) return false;
            if (outcome.getKind() == RequestKind.OPEN && outcome.getAccepted()) return true;
        }
        return false;
    }
}
