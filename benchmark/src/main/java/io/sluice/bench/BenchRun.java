package io.sluice.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The scenarios of one run, in order, each direct-PUT figure taken right before its Sluice
 * counterpart so both see the same machine state: warm-up; one large file at 1, then 4, streams
 * (services' memory sampled during the Sluice uploads); many files at once; many small uploads.
 * Reports each figure as it is taken.
 */
final class BenchRun {

    /** Fixed seeds: a rerun sends the same bytes. */
    private static final long SINGLE_SEED = 1;
    private static final long PARALLEL_SEED = 2;
    private static final long SMALL_SEED = 3;
    private static final long WARMUP_SEED = 4;

    private final BenchPlan plan;
    private final BenchTarget target;
    private final SluiceUploader uploader;
    private final DirectBaseline direct;
    private final DirectObjectWriter writer;
    private final ResourceSampler sampler;
    private final CpuClock cpu;
    /** CPU seconds per GiB, per process, of each scenario's two sides, in the order they ran. */
    private final Map<String, Map<String, Double>> cpuPerGibibyte = new LinkedHashMap<>();
    private final PrintStream out;

    BenchRun(BenchPlan plan, BenchTarget target, SluiceUploader uploader, DirectBaseline direct,
            DirectObjectWriter writer, ResourceSampler sampler, PrintStream out) {
        this.plan = plan;
        this.target = target;
        this.uploader = uploader;
        this.direct = direct;
        this.writer = writer;
        this.sampler = sampler;
        this.cpu = new CpuClock(target.allProcesses());
        this.out = out;
    }

    BenchReport measure(Instant date) throws Exception {
        long started = System.nanoTime();
        warmUp();
        BenchReport.Retries retriesBefore = retries();

        GeneratedFile single = GeneratedFile.of("single.bin", plan.singleSize(), SINGLE_SEED, 0);
        BenchReport.Pair oneStream = singleFile(single, 1);
        BenchReport.Pair fewStreams = singleFile(single, BenchPlan.FEW_STREAMS);
        BenchReport.Memory memory = memory();
        BenchReport.Pair parallel = parallelFiles();

        List<GeneratedFile> smallFiles = files("small", plan.smallUploads(), plan.smallSize(), SMALL_SEED);
        String smallLabel = smallFiles.size() + " x " + ReportTable.size(plan.smallSize());
        long smallBytes = smallFiles.stream().mapToLong(GeneratedFile::size).sum();
        double smallDirect = costed("small_uploads.direct", smallBytes,
                () -> SmallUploadsScenario.direct(direct, smallFiles, plan.smallConcurrency()));
        out.printf("  %-46s %8.1f PUTs/s%n", smallLabel + ", direct PUT", smallDirect);
        SmallUploadsScenario.Figures small = costed("small_uploads.sluice", smallBytes,
                () -> SmallUploadsScenario.sluice(uploader, smallFiles, plan.smallConcurrency()));
        out.printf("  %-46s %8.1f uploads/s, finish → UploadFinished p99 %.0f ms%n", smallLabel + ", Sluice",
                small.uploadsPerSecond(), small.finishToFinished().p99());
        if (small.stages() != null) {
            out.printf("  %-46s %8s p50 / p99: finish → verified %.0f / %.0f ms, → asset stored %.0f / %.0f,"
                    + " → UploadFinished %.0f / %.0f%n", "", "",
                    small.stages().finishToVerified().p50(), small.stages().finishToVerified().p99(),
                    small.stages().verifiedToAssetStored().p50(), small.stages().verifiedToAssetStored().p99(),
                    small.stages().assetStoredToFinished().p50(), small.stages().assetStoredToFinished().p99());
            out.printf("  %-46s %8s the chunk stored (ChunkStored) %.0f / %.0f ms after the finish was sent%n", "", "",
                    small.stages().chunkStoredAfterFinish().p50(), small.stages().chunkStoredAfterFinish().p99());
        }
        if (!small.neverFinished().isEmpty()) {
            out.printf("  %d uploads never finished: %s%n", small.neverFinished().size(), small.neverFinished());
        }

        return new BenchReport(plan, MachineInfo.current(), date, Duration.ofNanos(System.nanoTime() - started),
                oneStream, fewStreams, parallel, small, smallDirect, memory, since(retriesBefore), cpuPerGibibyte);
    }

    /** A step of a scenario whose CPU time per GiB, per process, is recorded under {@code key}. */
    private <T> T costed(String key, long bytes, Step<T> step) throws Exception {
        Map<String, Double> before = cpu.read();
        T result = step.run();
        cpuPerGibibyte.put(key, CpuClock.perGibibyte(before, cpu.read(), bytes));
        return result;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private BenchReport.Retries retries() {
        return new BenchReport.Retries(uploader.chunkRetries(), uploader.connectionRetries(), writer.retries());
    }

    private BenchReport.Retries since(BenchReport.Retries before) {
        BenchReport.Retries now = retries();
        return new BenchReport.Retries(now.chunks() - before.chunks(), now.connections() - before.connections(),
                now.direct() - before.direct());
    }

    /**
     * A few uploads and PUTs of each kind first, unmeasured: the first requests of a JVM run
     * interpreted code and open connections, which no figure should pay for.
     */
    private void warmUp() throws Exception {
        long started = System.nanoTime();
        for (GeneratedFile file : files("warmup", plan.warmupUploads(), plan.warmupSize(), WARMUP_SEED)) {
            direct.putMultipart(file, plan.directPartSize(), BenchPlan.FEW_STREAMS);
            uploader.upload(file, plan.chunkSize(), BenchPlan.FEW_STREAMS);
        }
        List<GeneratedFile> small = files("warmup-small", plan.smallConcurrency(), plan.smallSize(), WARMUP_SEED);
        SmallUploadsScenario.direct(direct, small, plan.smallConcurrency());
        SmallUploadsScenario.sluice(uploader, small, plan.smallConcurrency());
        direct.deleteAll();
        out.printf("  %-46s %8.1f s%n", "warm-up (not measured)", (System.nanoTime() - started) / 1e9);
    }

    /** Scenario 1 at one stream count; the services' memory is sampled during the Sluice upload. */
    private BenchReport.Pair singleFile(GeneratedFile single, int streams) throws Exception {
        String label = "one " + ReportTable.size(single.size()) + ", " + streams + (streams == 1 ? " stream" : " streams");
        String key = streams == 1 ? "single_1stream" : "single_" + streams + "streams";
        Throughput directThroughput = costed(key + ".direct", single.size(),
                () -> SingleFileScenario.direct(direct, single, plan.directPartSize(), streams));
        progress(label + ", direct PUT", directThroughput);
        SluiceUploader.Timing timing = costed(key + ".sluice", single.size(), () -> sampler.during(
                () -> SingleFileScenario.sluice(uploader, single, plan.chunkSize(), streams)));
        Throughput sluice = new Throughput(single.size(), timing.nanos());
        progress(label + ", Sluice", sluice);
        // Where the time went: sending the chunks, then the finish (the pipeline catching up,
        // assembly, the index entry) until its answer.
        out.printf("  %-46s %8s chunks sent in %.1f s, finish answered %.1f s later%n", "", "",
                (timing.finishSent() - timing.started()) / 1e9, (timing.finished() - timing.finishSent()) / 1e9);
        OptionalLong verified = uploader.milestone(FinishedWatcher.Milestone.VERIFIED, timing.uploadId());
        OptionalLong stored = uploader.milestone(FinishedWatcher.Milestone.ASSET_STORED, timing.uploadId());
        if (verified.isPresent() && stored.isPresent()) {
            out.printf("  %-46s %8s finish → verified %.1f s, → asset stored %.1f s, → UploadFinished %.1f s%n", "", "",
                    (verified.getAsLong() - timing.finishSent()) / 1e9, (stored.getAsLong() - verified.getAsLong()) / 1e9,
                    (timing.finished() - stored.getAsLong()) / 1e9);
        }
        return new BenchReport.Pair(sluice, directThroughput);
    }

    private BenchReport.Pair parallelFiles() throws Exception {
        List<GeneratedFile> files = files("parallel", plan.parallelUploads(), plan.parallelSize(), PARALLEL_SEED);
        String label = files.size() + " x " + ReportTable.size(plan.parallelSize()) + " at once";
        long bytes = files.stream().mapToLong(GeneratedFile::size).sum();
        Throughput directThroughput = costed("parallel.direct", bytes, () -> ParallelFilesScenario.direct(direct, files));
        progress(label + ", direct PUT", directThroughput);
        Throughput sluice = costed("parallel.sluice", bytes,
                () -> ParallelFilesScenario.sluice(uploader, files, plan.chunkSize()));
        progress(label + ", Sluice", sluice);
        return new BenchReport.Pair(sluice, directThroughput);
    }

    private BenchReport.Memory memory() throws InterruptedException {
        Map<String, Long> services = new LinkedHashMap<>();
        Map<String, Long> infrastructure = new LinkedHashMap<>();
        List<String> serviceNames = target.services().stream().map(SampledProcess::name).toList();
        sampler.residentPeaks().forEach((name, bytes) ->
                (serviceNames.contains(name) ? services : infrastructure).put(name, bytes));
        return new BenchReport.Memory(sampler.heapPeaks(), sampler.heapMaxima(), services, infrastructure);
    }

    private static List<GeneratedFile> files(String prefix, int count, long size, long seed) {
        List<GeneratedFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) files.add(GeneratedFile.of(prefix + "-" + i + ".bin", size, seed, i));
        return files;
    }

    private void progress(String label, Throughput throughput) {
        out.printf("  %-46s %8.1f MB/s in %.1f s%n", label, throughput.megabytesPerSecond(), throughput.seconds());
    }
}
