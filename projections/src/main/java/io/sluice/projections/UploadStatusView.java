package io.sluice.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.events.UploadStatus;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.Readiness;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The latest status of every upload, from the compacted status topic the session processor writes
 * ({@link Topics#UPLOAD_STATUS}). It answers {@code GET /v1/uploads/{id}}, and the ingest API waits
 * on it for the outcome of its requests. On disk (see {@link CompactedTopicView}).
 */
public final class UploadStatusView implements AutoCloseable {

    private final CompactedTopicView<UploadStatus> view;

    private UploadStatusView(CompactedTopicView<UploadStatus> view) {
        this.view = view;
    }

    /**
     * Opens the view's database in {@code directory} and starts its consumer thread, which goes on
     * from where the database stops; returns at once.
     */
    public static UploadStatusView start(SluiceConfig config, SchemaRegistry registry, Path directory) {
        return new UploadStatusView(CompactedTopicView.start(config, Topics.UPLOAD_STATUS, registry, directory, null));
    }

    public Optional<UploadStatus> get(String uploadId) {
        return view.get(uploadId);
    }

    /** Blocks until the status of uploadId satisfies {@code until} or the timeout passes; returns the latest status seen (empty if none). */
    public Optional<UploadStatus> await(String uploadId, Predicate<UploadStatus> until, Duration timeout)
            throws InterruptedException {
        return view.await(uploadId, until, timeout);
    }

    /**
     * Blocks until every record committed to the topic before this call is applied; false on timeout.
     *
     * @see CompactedTopicView#awaitCaughtUp(Duration)
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return view.awaitCaughtUp(timeout);
    }

    /** Ready once the initial load reached the end of the topic. */
    public Readiness readiness() {
        return view.readiness();
    }

    /** Uploads held. */
    public long size() {
        return view.size();
    }

    /** Records passed over because they can never be decoded. */
    public long skippedRecords() {
        return view.skippedRecords();
    }

    /** Records read and applied since the view started (not those its database already held). */
    public long recordsApplied() {
        return view.recordsApplied();
    }

    /** The view's consumer's own metrics on {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        view.bindMetrics(registry);
    }

    @Override
    public void close() {
        view.close();
    }
}
