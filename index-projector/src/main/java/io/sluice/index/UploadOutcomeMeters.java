package io.sluice.index;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.sluice.events.FailureReason;
import io.sluice.events.RejectionReason;
import io.sluice.events.TenantActivity;
import io.sluice.events.UploadState;
import io.sluice.index.dashboards.ActivityListener;
import io.sluice.runtime.http.Metrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index projector's Prometheus meters of what happens to uploads, whoever produced their events
 * (the API or a direct producer): opened, finished, failed / aborted / expired, chunks and requests
 * rejected by reason, bytes accepted and finished, and how long an upload takes from verification to
 * finished (assembly and index). Fed by the dashboard projections, so a record a replay appends
 * again is not counted twice. Reasons are the events' enum names, so their number is bounded.
 */
final class UploadOutcomeMeters implements ActivityListener {

    private final Metrics metrics;
    private final Counter opened;
    private final Counter finished;
    private final Counter aborted;
    private final Counter expired;
    private final Counter bytesAccepted;
    private final Counter bytesFinished;
    private final Timer verifiedToFinished;
    /** By reason (the events' enum names, lower case), registered up front so every series exists from the start. */
    private final Map<String, Counter> failedByReason = new ConcurrentHashMap<>();
    private final Map<String, Counter> chunksRejectedByReason = new ConcurrentHashMap<>();
    private final Map<String, Counter> requestsRejectedByReason = new ConcurrentHashMap<>();

    UploadOutcomeMeters(Metrics metrics) {
        this.metrics = metrics;
        this.opened = metrics.counter("uploads_opened", "Uploads opened (accepted by the session processor).");
        this.finished = metrics.counter("uploads_finished", "Uploads finished: verified, assembled and indexed.");
        this.aborted = metrics.counter("uploads_aborted", "Uploads aborted by their client.");
        this.expired = metrics.counter("uploads_expired", "Uploads expired after their time-to-live without activity.");
        this.bytesAccepted = metrics.counter("upload_bytes_accepted", "Bytes of chunks accepted for the first time.");
        this.bytesFinished = metrics.counter("upload_bytes_finished", "Bytes of uploads finished.");
        this.verifiedToFinished = metrics.timer("upload_verified_to_finished",
                "From the session processor's verification to UploadFinished: assembly and the index entry.");
        for (FailureReason reason : FailureReason.values()) failedCounter(reasonName(reason));
        for (RejectionReason reason : RejectionReason.values()) {
            chunksRejectedCounter(reasonName(reason));
            requestsRejectedCounter(reasonName(reason));
        }
    }

    @Override
    public void counted(TenantActivity activity) {
        UploadState entered = activity.getEnteredState();
        if (entered != null && entered != activity.getLeftState()) {
            switch (entered) {
                case OPEN -> opened.increment();
                case FINISHED -> finished.increment();
                case FAILED -> failed(activity.getFailure());
                case ABORTED -> aborted.increment();
                case EXPIRED -> expired.increment();
                case FINISHING -> { }
            }
        }
        if (activity.getBytesReceived() > 0) bytesAccepted.increment(activity.getBytesReceived());
        if (activity.getFinished() != null) bytesFinished.increment(activity.getFinished().getSize());
        if (activity.getRejectedChunk() != null) chunksRejectedCounter(activity.getRejectedChunk()).increment();
        if (activity.getRejectedRequest() != null) requestsRejectedCounter(activity.getRejectedRequest()).increment();
    }

    private void failed(String reason) {
        failedCounter(reason == null ? "unknown" : reason).increment();
    }

    private Counter failedCounter(String reason) {
        return failedByReason.computeIfAbsent(reason, r -> metrics.counter("uploads_failed",
                "Uploads failed (size or checksum mismatch), by reason.", "reason", r));
    }

    private Counter chunksRejectedCounter(String reason) {
        return chunksRejectedByReason.computeIfAbsent(reason, r -> metrics.counter("chunks_rejected",
                "Chunks rejected by the session processor, by reason.", "reason", r));
    }

    private Counter requestsRejectedCounter(String reason) {
        return requestsRejectedByReason.computeIfAbsent(reason, r -> metrics.counter("requests_rejected",
                "Open, finish and abort requests rejected, by reason.", "reason", r));
    }

    private static String reasonName(Enum<?> reason) {
        return ActivityListener.reasonName(reason);
    }

    @Override
    public void finished(Duration sinceVerified) {
        verifiedToFinished.record(sinceVerified);
    }
}
