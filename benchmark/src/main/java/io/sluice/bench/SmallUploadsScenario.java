package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Scenario 3: many one-chunk uploads, {@code concurrency} at a time. Besides uploads per second,
 * the latency from sending the finish to the moment {@code UploadFinished} reaches a
 * {@code read_committed} consumer of the topic, and the finish call's own latency (which includes
 * the API seeing the asset in its index view). An upload whose {@code UploadFinished} never comes
 * is a Sluice failure, reported by id; the figures are then those of the uploads that finished.
 */
final class SmallUploadsScenario {

    /**
     * The finish latency split at the milestones between (see {@link FinishedWatcher.Milestone}),
     * over the uploads whose every milestone was seen.
     */
    record Stages(Percentiles finishToVerified, Percentiles verifiedToAssetStored, Percentiles assetStoredToFinished,
            Percentiles chunkStoredAfterFinish) {}

    /** The figures of the Sluice side. */
    record Figures(Throughput throughput, int uploads, Percentiles finishToFinished, Percentiles finishHttp,
            Stages stages, List<String> neverFinished) {
        /** Finished uploads per second. */
        double uploadsPerSecond() {
            return throughput.perSecond(uploads - neverFinished.size());
        }
    }

    /** One upload's end: its timing, or the failure of an upload that never finished. */
    private record Outcome(SluiceUploader.Timing timing, SluiceUploader.UploadNeverFinished neverFinished) {}

    private SmallUploadsScenario() {}

    static Figures sluice(SluiceUploader uploader, List<GeneratedFile> files, int concurrency)
            throws InterruptedException {
        long started = System.nanoTime();
        List<Outcome> outcomes = Concurrently.map(files, concurrency, file -> {
            try {
                return new Outcome(uploader.upload(file, Math.toIntExact(file.size()), 1), null);
            } catch (SluiceUploader.UploadNeverFinished e) {
                return new Outcome(null, e);
            }
        });
        List<SluiceUploader.Timing> timings = outcomes.stream().map(Outcome::timing).filter(t -> t != null).toList();
        if (timings.isEmpty()) throw outcomes.getFirst().neverFinished();
        long ended = timings.stream().mapToLong(SluiceUploader.Timing::finished).max().orElseThrow();
        List<Long> toFinished = new ArrayList<>();
        List<Long> http = new ArrayList<>();
        List<Long> toVerified = new ArrayList<>();
        List<Long> toAssetStored = new ArrayList<>();
        List<Long> toLast = new ArrayList<>();
        List<Long> chunkStoredAfterFinish = new ArrayList<>();
        for (SluiceUploader.Timing timing : timings) {
            long finished = uploader.finishedSeenAt(timing.uploadId());
            toFinished.add(finished - timing.finishSent());
            http.add(timing.finishHttpNanos());
            OptionalLong verified = uploader.milestone(FinishedWatcher.Milestone.VERIFIED, timing.uploadId());
            OptionalLong stored = uploader.milestone(FinishedWatcher.Milestone.ASSET_STORED, timing.uploadId());
            OptionalLong chunkStored = uploader.milestone(FinishedWatcher.Milestone.CHUNK_STORED, timing.uploadId());
            // Negative when the chunk was stored before the finish was sent: then it held nothing up.
            chunkStored.ifPresent(at -> chunkStoredAfterFinish.add(at - timing.finishSent()));
            if (verified.isPresent() && stored.isPresent()) {
                toVerified.add(verified.getAsLong() - timing.finishSent());
                toAssetStored.add(stored.getAsLong() - verified.getAsLong());
                toLast.add(finished - stored.getAsLong());
            }
        }
        Stages stages = toVerified.isEmpty() || chunkStoredAfterFinish.isEmpty() ? null
                : new Stages(Percentiles.ofNanos(toVerified), Percentiles.ofNanos(toAssetStored),
                        Percentiles.ofNanos(toLast), Percentiles.ofNanos(chunkStoredAfterFinish));
        List<String> neverFinished = outcomes.stream().filter(o -> o.neverFinished() != null)
                .map(o -> o.neverFinished().uploadId()).toList();
        return new Figures(new Throughput(ParallelFilesScenario.totalBytes(files), ended - started), files.size(),
                Percentiles.ofNanos(toFinished), Percentiles.ofNanos(http), stages, neverFinished);
    }

    /** PUTs per second of the same objects at the same concurrency. */
    static double direct(DirectBaseline direct, List<GeneratedFile> files, int concurrency) throws Exception {
        long started = System.nanoTime();
        Concurrently.map(files, concurrency, file -> {
            direct.putWhole(file);
            return null;
        });
        Throughput throughput = new Throughput(ParallelFilesScenario.totalBytes(files), System.nanoTime() - started);
        direct.deleteAll();
        return throughput.perSecond(files.size());
    }
}
