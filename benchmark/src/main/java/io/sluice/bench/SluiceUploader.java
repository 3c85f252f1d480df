package io.sluice.bench;

import io.sluice.client.Asset;
import io.sluice.client.ConnectionLostException;
import io.sluice.client.CreatedUpload;
import io.sluice.client.NewUpload;
import io.sluice.client.SluiceApi;
import io.sluice.client.SluiceApiException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One upload through the HTTP API, timed: create, every chunk with {@code streams} in flight,
 * finish. It ends at the finish's 200 (the API answers once {@code UploadFinished} is visible and
 * the asset readable); should the finish answer 202 (its bounded wait ran out), it ends when the
 * watcher sees {@code UploadFinished}.
 */
final class SluiceUploader {

    /** Beyond the API's own finish wait (30 s): an upload this late is stuck, not slow. */
    private static final Duration FINISHED_DEADLINE = Duration.ofMinutes(2);

    /** Timestamps ({@link System#nanoTime()}) of one upload. */
    record Timing(String uploadId, long size, long started, long finishSent, long finishAnswered, long finished) {
        long nanos() {
            return finished - started;
        }

        long finishHttpNanos() {
            return finishAnswered - finishSent;
        }
    }

    private final SluiceApi api;
    private final FinishedWatcher watcher;

    /** @param api without chunk digests: the figures measure the service, not the client's hashing */
    SluiceUploader(SluiceApi api, FinishedWatcher watcher) {
        this.api = api;
        this.watcher = watcher;
    }

    Timing upload(GeneratedFile file, int chunkSize, int streams) throws InterruptedException {
        long started = System.nanoTime();
        try {
            CreatedUpload created = api.create(NewUpload.of(file.name(), "application/octet-stream", file.size(), chunkSize));
            String uploadId = created.uploadId();
            String sha256 = PiecePipeline.sendHashing(file, chunkSize, streams,
                    (index, bytes, length) -> api.putChunk(uploadId, index, bytes, 0, length));
            long finishSent = System.nanoTime();
            SluiceApi.FinishAnswer answer = api.finish(uploadId, file.size(), sha256);
            long finishAnswered = System.nanoTime();
            if (answer.finished()) requireAsset(answer.asset(), uploadId, file.size(), sha256);
            long finished = answer.finished() ? finishAnswered : finishedSeenAt(uploadId);
            return new Timing(uploadId, file.size(), started, finishSent, finishAnswered, finished);
        } catch (SluiceApiException | ConnectionLostException e) {
            throw new BenchFailure(e.getMessage(), e);
        }
    }

    /** A 200 is the asset: it must be the bytes sent, or the figure measured something else. */
    private static void requireAsset(Asset asset, String uploadId, long size, String sha256) {
        if (asset.size() != size || !sha256.equals(asset.sha256())) {
            throw new BenchFailure("finish of " + uploadId + " answered another asset: " + asset.json()
                    + " (sent " + size + " bytes, SHA-256 " + sha256 + ")");
        }
    }

    /**
     * When the upload's {@code UploadFinished} reached the watcher.
     *
     * @throws UploadNeverFinished if it did not within {@link #FINISHED_DEADLINE}
     */
    long finishedSeenAt(String uploadId) throws InterruptedException {
        OptionalLong arrival = watcher.awaitArrival(uploadId, FINISHED_DEADLINE);
        if (arrival.isEmpty()) throw new UploadNeverFinished(uploadId, FINISHED_DEADLINE, statusText(uploadId));
        return arrival.getAsLong();
    }

    /** The upload's status as the API answers it, for a failure message. */
    private String statusText(String uploadId) throws InterruptedException {
        try {
            return api.status(uploadId).json().toString();
        } catch (SluiceApiException | ConnectionLostException e) {
            return e.getMessage();
        }
    }

    /** When the watcher saw a milestone of the upload, if it has. */
    OptionalLong milestone(FinishedWatcher.Milestone milestone, String uploadId) {
        return watcher.arrivalOf(milestone, uploadId);
    }

    /** An upload whose {@code UploadFinished} never came: a Sluice failure, not a slow upload. */
    static final class UploadNeverFinished extends BenchFailure {
        private final String uploadId;

        UploadNeverFinished(String uploadId, Duration waited, String status) {
            super("no UploadFinished for " + uploadId + " within " + waited.toSeconds() + " s after the finish;"
                    + " its status: " + status);
            this.uploadId = uploadId;
        }

        String uploadId() {
            return uploadId;
        }
    }

    long chunkRetries() {
        return api.chunkRetries();
    }

    long connectionRetries() {
        return api.connectionRetries();
    }
}
