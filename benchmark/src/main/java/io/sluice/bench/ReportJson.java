package io.sluice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code target/bench/results.json}. The key names are issue 5's and stay the same in a smoke run
 * (whose sizes are in {@code plan}). Throughput in MB/s (10^6 bytes), memory in MiB, latency in ms.
 */
final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double MIB = 1 << 20;

    private ReportJson() {}

    static ObjectNode of(BenchReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", report.plan().mode());
        root.put("date", report.date().toString());
        root.put("elapsed_s", round(report.elapsed().toMillis() / 1000.0, 1));
        ObjectNode machine = root.putObject("machine");
        machine.put("cores", report.machine().cores());
        machine.put("memory_mb", report.machine().memoryMebibytes());
        machine.put("cpu", report.machine().cpu());
        machine.put("jdk", report.machine().jdk());
        machine.put("os", report.machine().os());
        root.put("chunk_size_bytes", report.plan().chunkSize());
        root.put("direct_part_size_bytes", report.plan().directPartSize());
        ObjectNode plan = root.putObject("plan");
        plan.put("single_size_bytes", report.plan().singleSize());
        plan.put("few_streams", BenchPlan.FEW_STREAMS);
        plan.put("parallel_uploads", report.plan().parallelUploads());
        plan.put("parallel_size_bytes", report.plan().parallelSize());
        plan.put("small_uploads", report.plan().smallUploads());
        plan.put("small_size_bytes", report.plan().smallSize());
        plan.put("small_concurrency", report.plan().smallConcurrency());

        root.put("single_1gib_1stream_mbps", mbps(report.singleOneStream().sluice()));
        root.put("direct_put_1stream_mbps", mbps(report.singleOneStream().direct()));
        root.put("ratio_1stream", round(report.singleOneStream().ratio(), 3));
        root.put("single_1gib_4streams_mbps", mbps(report.singleFewStreams().sluice()));
        root.put("direct_put_4streams_mbps", mbps(report.singleFewStreams().direct()));
        root.put("ratio_4streams", round(report.singleFewStreams().ratio(), 3));
        root.put("parallel_64x16mib_mbps", mbps(report.parallel().sluice()));
        root.put("direct_parallel_64x16mib_mbps", mbps(report.parallel().direct()));
        root.put("ratio_parallel_64x16mib", round(report.parallel().ratio(), 3));
        root.put("small_uploads_per_s", round(report.small().uploadsPerSecond(), 1));
        root.put("direct_small_puts_per_s", round(report.directSmallPutsPerSecond(), 1));
        root.put("small_uploads_never_finished", report.small().neverFinished().size());
        report.small().neverFinished().forEach(root.putArray("never_finished_upload_ids")::add);
        putLatency(root.putObject("finish_latency_ms"), report.small().finishToFinished());
        putLatency(root.putObject("finish_http_latency_ms"), report.small().finishHttp());
        SmallUploadsScenario.Stages stages = report.small().stages();
        if (stages != null) {
            ObjectNode split = root.putObject("finish_latency_stages_ms");
            putLatency(split.putObject("finish_to_verified"), stages.finishToVerified());
            putLatency(split.putObject("verified_to_asset_stored"), stages.verifiedToAssetStored());
            putLatency(split.putObject("asset_stored_to_finished"), stages.assetStoredToFinished());
            putLatency(split.putObject("chunk_stored_after_finish"), stages.chunkStoredAfterFinish());
        }
        putMebibytes(root.putObject("heap_peak_mb"), report.memory().heapPeak());
        putMebibytes(root.putObject("heap_max_mb"), report.memory().heapMax());
        putMebibytes(root.putObject("rss_peak_mb"), report.memory().residentPeak());
        putMebibytes(root.putObject("infrastructure_rss_peak_mb"), report.memory().infrastructureResidentPeak());
        ObjectNode cpu = root.putObject("cpu_seconds_per_gib");
        report.cpuSecondsPerGibibyte().forEach((side, costs) -> {
            ObjectNode node = cpu.putObject(side);
            costs.forEach((process, seconds) -> node.put(process, Math.round(seconds * 100) / 100.0));
        });
        root.put("chunk_retries", report.retries().chunks());
        root.put("connection_retries", report.retries().connections());
        root.put("direct_put_retries", report.retries().direct());
        return root;
    }

    static void write(BenchReport report, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(of(report)) + "\n");
    }

    private static void putLatency(ObjectNode node, Percentiles latency) {
        node.put("p50", round(latency.p50(), 1));
        node.put("p95", round(latency.p95(), 1));
        node.put("p99", round(latency.p99(), 1));
        node.put("max", round(latency.max(), 1));
        node.put("count", latency.count());
    }

    private static void putMebibytes(ObjectNode node, Map<String, Long> bytes) {
        bytes.forEach((name, value) -> node.put(name, round(value / MIB, 1)));
    }

    private static double mbps(Throughput throughput) {
        return round(throughput.megabytesPerSecond(), 1);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
