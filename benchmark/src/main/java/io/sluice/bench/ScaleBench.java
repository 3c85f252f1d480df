package io.sluice.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.service.ServiceId;
import io.sluice.stack.FileTrees;
import io.sluice.stack.Stack;
import io.sluice.stack.StackFailure;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.ServiceEnvironment;
import io.sluice.stack.readiness.Readiness;
import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bench --scale}: the read side at scale (issue 13). Measures the ingest API on the running
 * stack, fills the status and index topics with synthetic records ({@link SyntheticProjections}),
 * restarts the API and measures again: heap after a full GC, resident memory, time from start to
 * ready, and read latencies at many concurrent clients; then the disk the topics and the API's
 * state take; last, a cold start — a new instance, its views' directory removed, reading all of
 * history. An API that cannot start with that much history is a result too, reported with the end
 * of its log.
 */
final class ScaleBench {

    private static final double MIB = 1 << 20;
    private static final String API = "ingest-api";
    private static final String ASSETS_GAUGE = "sluice_ingest_index_view_assets";
    private static final String STATUSES_GAUGE = "sluice_ingest_status_view_uploads";
    private static final String CHUNKS_GAUGE = "sluice_ingest_chunk_view_chunks";
    private static final Duration ABSORB_DEADLINE = Duration.ofMinutes(20);
    private static final Duration COLD_START_DEADLINE = Duration.ofMinutes(30);

    private final Stack stack;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ScaleBench(Stack stack) {
        this.stack = stack;
        this.out = stack.out();
    }

    /** Heap after a full GC, resident memory and the last start's time to ready; a failed start says why. */
    record ApiState(OptionalLong heapAfterGc, OptionalLong resident, double secondsToReady, String failure) {}

    int run(ScalePlan plan, Path file) throws Exception {
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        out.printf("Scale benchmark (%s): %,d index entries and %,d statuses%n", plan.mode(), plan.assets(),
                plan.statuses());
        ApiState before = restartAndMeasure(Duration.ZERO);
        out.printf("empty: API ready in %.1f s, heap after GC %s MiB%n", before.secondsToReady(), mib(before.heapAfterGc()));
        OptionalLong assetsBefore = apiGauge(ASSETS_GAUGE);
        OptionalLong statusesBefore = apiGauge(STATUSES_GAUGE);
        OptionalLong chunksBefore = apiGauge(CHUNKS_GAUGE);

        SyntheticProjections.Filled filled = new SyntheticProjections(stack.clientConfig(), plan,
                new SecureRandom().nextLong()).fill();
        out.printf("filled %,d records in %.1f s (%,.0f records/s)%n", filled.records(), filled.seconds(),
                filled.records() / filled.seconds());
        double absorbed = awaitAbsorbed(assetsBefore.orElse(0) + plan.assets(), statusesBefore.orElse(0) + plan.statuses(),
                chunksBefore.orElse(0) + plan.statuses());
        if (absorbed >= 0) out.printf("the running API held every filled record %.1f s after the fill ended%n", absorbed);

        ApiState after = restartAndMeasure(Duration.ZERO);
        ObjectNode json = new ObjectMapper().createObjectNode().put("date", date.toString()).put("mode", plan.mode())
                .put("assets", plan.assets()).put("statuses", plan.statuses()).put("fillSeconds", filled.seconds())
                .put("absorbSeconds", round(absorbed));
        putState(json.putObject("empty"), before);
        putState(json.putObject("filled"), after);
        ObjectNode reads = json.putObject("reads");
        if (after.failure() == null) {
            BenchTarget target = BenchTarget.of(stack);
            ReadLoad load = new ReadLoad(target.apiUrl(), target.token());
            // A restarted JVM runs interpreted at first: warm every read path up, unmeasured.
            load.run(plan.clients(), plan.requestsPerKind() / 10, ReadLoad.randomOf(filled.assetIds(), "/v1/assets/"));
            load.run(plan.clients(), plan.requestsPerKind() / 10, ReadLoad.randomOf(filled.uploadIds(), "/v1/uploads/"));
            load.run(plan.clients(), plan.requestsPerKind() / 10, n -> "/v1/assets?limit=100");
            putReads(reads, "asset", load.run(plan.clients(), plan.requestsPerKind(),
                    ReadLoad.randomOf(filled.assetIds(), "/v1/assets/")));
            putReads(reads, "upload", load.run(plan.clients(), plan.requestsPerKind(),
                    ReadLoad.randomOf(filled.uploadIds(), "/v1/uploads/")));
            putReads(reads, "listPage", load.run(plan.clients(), plan.requestsPerKind(), n -> "/v1/assets?limit=100"));
            // The floor: what the HTTP stack and the clients on this machine cost with no view read at all.
            putReads(reads, "healthLive", load.run(plan.clients(), plan.requestsPerKind(), n -> "/health/live"));
        }
        if (after.failure() == null) {
            deleteViews();
            ApiState cold = restartAndMeasure(COLD_START_DEADLINE);
            out.printf("cold start (no views on disk): API ready in %.1f s%n", cold.secondsToReady());
            putState(json.putObject("cold"), cold);
        }
        ObjectNode disk = json.putObject("diskMiB");
        disk.put("statusTopic", round(segmentBytes(topicDirectories("sluice.upload-status")) / MIB));
        disk.put("indexTopic", round(segmentBytes(topicDirectories("sluice.asset-index")) / MIB));
        disk.put("apiState", round(bytesOf(List.of(stack.context().layout().dataDir(API)), "") / MIB));

        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        printTable(json);
        out.printf("%nWritten to %s%n", file);
        return after.failure() == null ? 0 : 1;
    }

    /**
     * @param beyondStartDeadline how much longer than the stack's start deadline the API may take to
     *     become ready (a cold start reads all of history)
     */
    private ApiState restartAndMeasure(Duration beyondStartDeadline) throws Exception {
        List<Component> api = stack.resolve(List.of(API));
        stack.stop(api);
        long started = System.nanoTime();
        try {
            stack.startAndAwait(api);
        } catch (StackFailure failure) {
            if (beyondStartDeadline.isZero() || !awaitReady(api.getFirst(), beyondStartDeadline)) {
                return new ApiState(OptionalLong.empty(), OptionalLong.empty(), (System.nanoTime() - started) / 1e9,
                        firstLine(failure.getMessage()) + firstOutOfMemory().map(line -> "; " + line).orElse(""));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        SampledProcess process = BenchTarget.of(stack).services().stream().filter(s -> s.name().equals(API))
                .findFirst().orElseThrow();
        fullGc(process.pid());
        return new ApiState(process.gauge(http, "sluice_jvm_heap_used_bytes"), process.residentBytes(), seconds, null);
    }

    /**
     * Waits until the running API's views hold the filled records (its view-size gauges), as the
     * time after the fill ended; -1 if they did not within {@link #ABSORB_DEADLINE}.
     */
    private double awaitAbsorbed(long assets, long statuses, long chunks) throws InterruptedException, IOException {
        long start = System.nanoTime();
        long deadline = start + ABSORB_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (apiGauge(ASSETS_GAUGE).orElse(0) >= assets && apiGauge(STATUSES_GAUGE).orElse(0) >= statuses
                    && apiGauge(CHUNKS_GAUGE).orElse(0) >= chunks) {
                return (System.nanoTime() - start) / 1e9;
            }
            TimeUnit.SECONDS.sleep(1); // a sampling interval, not a wait for readiness
        }
        out.printf("the running API did not hold every filled record within %s%n", ABSORB_DEADLINE);
        return -1;
    }

    private OptionalLong apiGauge(String name) throws InterruptedException, IOException {
        SampledProcess process = BenchTarget.of(stack).services().stream().filter(s -> s.name().equals(API))
                .findFirst().orElseThrow();
        return process.gauge(http, name);
    }

    /** Removes the API's views from its state directory, as a new instance starts without them. */
    private void deleteViews() throws IOException {
        List<Component> api = stack.resolve(List.of(API));
        stack.stop(api);
        FileTrees.delete(ServiceEnvironment.stateDir(stack.context(), ServiceId.INGEST_API).resolve("views"));
    }

    /** Waits on the API's readiness probe, as the stack does, for longer than the stack would. */
    private static boolean awaitReady(Component api, Duration within) throws InterruptedException {
        try (ReadinessProbe probe = api.readinessProbe()) {
            Readiness.await(api.name(), probe, Optional.empty(), within);
            return true;
        } catch (Readiness.NotReadyInTime e) {
            return false;
        }
    }

    /** The first {@code OutOfMemoryError} the API logged since its last start, if any. */
    private Optional<String> firstOutOfMemory() throws IOException {
        Path log = stack.context().layout().logFile(API);
        if (!Files.exists(log)) return Optional.empty();
        List<String> lines = Files.readAllLines(log);
        int lastStart = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("==== ")) lastStart = i;
        return lines.subList(lastStart, lines.size()).stream().filter(line -> line.contains("OutOfMemoryError"))
                .map(String::trim).findFirst();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** {@code jcmd <pid> GC.run}: the heap then holds what the API keeps, not what it has not yet collected. */
    private void fullGc(long pid) throws IOException, InterruptedException {
        Path jcmd = stack.context().java().executable().resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            out.println("No jcmd beside " + stack.context().java().executable() + ": the heap is read without a full GC");
            return;
        }
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** The broker's directories of a topic's partitions ({@code <topic>-<n>}). */
    private List<Path> topicDirectories(String topic) throws IOException {
        Path kafka = stack.context().layout().dataDir("kafka");
        if (!Files.isDirectory(kafka)) return List.of();
        try (Stream<Path> paths = Files.walk(kafka, 3)) {
            return paths.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(topic) + "-[0-9]+"))
                    .toList();
        }
    }

    /** The bytes of the log segments below {@code roots} (the broker's index files are preallocated and sparse). */
    private static long segmentBytes(List<Path> roots) throws IOException {
        return bytesOf(roots, ".log");
    }

    private static long bytesOf(List<Path> roots, String suffix) throws IOException {
        long bytes = 0;
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                bytes += files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).mapToLong(file -> {
                    try {
                        return Files.size(file);
                    } catch (IOException gone) { // a segment deleted by the broker meanwhile
                        return 0;
                    }
                }).sum();
            }
        }
        return bytes;
    }

    private static void putState(ObjectNode node, ApiState state) {
        state.heapAfterGc().ifPresent(bytes -> node.put("heapAfterGcMiB", round(bytes / MIB)));
        state.resident().ifPresent(bytes -> node.put("rssMiB", round(bytes / MIB)));
        node.put("secondsToReady", round(state.secondsToReady()));
        if (state.failure() != null) node.put("failure", state.failure());
    }

    private static void putReads(ObjectNode reads, String kind, ReadLoad.Result result) {
        ObjectNode node = reads.putObject(kind).put("errors", result.errors());
        Optional.ofNullable(result.latency()).ifPresent(latency -> node.put("p50Ms", round(latency.p50()))
                .put("p99Ms", round(latency.p99())).put("count", latency.count()));
    }

    private void printTable(ObjectNode json) {
        out.println();
        out.println("| figure | empty stack | after the fill |");
        out.println("|---|---:|---:|");
        out.printf("| API heap after a full GC (MiB) | %s | %s |%n", json.at("/empty/heapAfterGcMiB").asText("-"),
                json.at("/filled/heapAfterGcMiB").asText("-"));
        out.printf("| API resident memory (MiB) | %s | %s |%n", json.at("/empty/rssMiB").asText("-"),
                json.at("/filled/rssMiB").asText("-"));
        out.printf("| the running API holds every filled record, after the fill (s) | | %s |%n",
                json.at("/absorbSeconds").asText("-"));
        out.printf("| API start → ready (s) | %s | %s |%n", json.at("/empty/secondsToReady").asText(),
                json.at("/filled").has("failure") ? "not ready" : json.at("/filled/secondsToReady").asText());
        out.printf("| a new API instance (no views on disk): start → ready (s), heap after a full GC (MiB) | | %s, %s |%n",
                json.at("/cold").has("failure") ? "not ready" : json.at("/cold/secondsToReady").asText("-"),
                json.at("/cold/heapAfterGcMiB").asText("-"));
        for (String kind : List.of("asset", "upload", "listPage", "healthLive")) {
            out.printf("| reads: %s p50 / p99 (ms), errors | | %s / %s, %s |%n", kind,
                    json.at("/reads/" + kind + "/p50Ms").asText("-"), json.at("/reads/" + kind + "/p99Ms").asText("-"),
                    json.at("/reads/" + kind + "/errors").asText("-"));
        }
        out.printf("| disk: status topic, index topic (log segments), API state (MiB) | | %s, %s, %s |%n",
                json.at("/diskMiB/statusTopic").asText(), json.at("/diskMiB/indexTopic").asText(),
                json.at("/diskMiB/apiState").asText());
        if (json.at("/filled").has("failure")) out.printf("%nThe API did not become ready: %s%n", json.at("/filled/failure").asText());
    }

    private static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? String.format("%.0f", bytes.getAsLong() / MIB) : "-";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
