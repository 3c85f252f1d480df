package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldWriteEveryKeyOfIssue5() {
        ObjectNode json = ReportJson.of(report());

        assertThat(json.fieldNames()).toIterable().contains("single_1gib_1stream_mbps", "single_1gib_4streams_mbps",
                "direct_put_1stream_mbps", "direct_put_4streams_mbps", "ratio_4streams", "parallel_64x16mib_mbps",
                "direct_parallel_64x16mib_mbps", "small_uploads_per_s", "finish_latency_ms", "heap_peak_mb",
                "rss_peak_mb", "machine", "chunk_size_bytes");
        assertThat(json.path("machine").fieldNames()).toIterable().contains("cores", "memory_mb", "jdk");
        assertThat(json.path("finish_latency_ms").fieldNames()).toIterable().contains("p50", "p95", "p99");
    }

    @Test
    void shouldComputeMegabytesPerSecondRatiosAndMebibytes() {
        ObjectNode json = ReportJson.of(report());

        assertThat(json.path("single_1gib_4streams_mbps").asDouble()).isEqualTo(50.0);
        assertThat(json.path("direct_put_4streams_mbps").asDouble()).isEqualTo(200.0);
        assertThat(json.path("ratio_4streams").asDouble()).isEqualTo(0.25);
        assertThat(json.path("small_uploads_per_s").asDouble()).isEqualTo(100.0);
        assertThat(json.path("heap_peak_mb").path("ingest-api").asDouble()).isEqualTo(128.0);
        assertThat(json.path("finish_latency_ms").path("p99").asDouble()).isEqualTo(3.0);
        assertThat(json.path("cpu_seconds_per_gib").path("single_1stream.sluice").path("ingest-api").asDouble())
                .isEqualTo(4.5);
    }

    @Test
    void shouldCountTheCpuEachProcessSpentPerGibibyteMoved() {
        Map<String, Double> cost = CpuClock.perGibibyte(Map.of("a", 1.0, "b", 2.0), Map.of("a", 3.0, "b", 2.5, "c", 9.0),
                2L << 30);

        assertThat(cost).containsEntry("a", 1.0).containsEntry("b", 0.25).containsEntry("total", 1.25)
                .doesNotContainKey("c");
    }

    @Test
    void shouldPrintTheFiguresAsMarkdownTables() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        ReportTable.print(report(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| one 1 GiB upload, 4 chunk streams (MB/s) | 50.0 | 200.0 | 0.25 |")
                .contains("| ingest-api | 128 | 256 | 300 |")
                .contains("| process | single_1stream.sluice |").contains("| ingest-api | 4.5 |");
    }

    private static BenchReport report() {
        Throughput fiftyMegabytes = new Throughput(50_000_000, SECOND);
        Throughput twoHundredMegabytes = new Throughput(200_000_000, SECOND);
        BenchReport.Pair pair = new BenchReport.Pair(fiftyMegabytes, twoHundredMegabytes);
        Percentiles latency = Percentiles.ofNanos(List.of(1_000_000L, 2_000_000L, 3_000_000L));
        SmallUploadsScenario.Figures small = new SmallUploadsScenario.Figures(new Throughput(1000, SECOND), 100,
                latency, latency, new SmallUploadsScenario.Stages(latency, latency, latency, latency), List.of());
        long mib = 1 << 20;
        BenchReport.Memory memory = new BenchReport.Memory(Map.of("ingest-api", 128 * mib),
                Map.of("ingest-api", 256 * mib), Map.of("ingest-api", 300 * mib), Map.of("kafka", 400 * mib));
        return new BenchReport(BenchPlan.full(), new MachineInfo(2, 4096, "cpu", "jdk", "os"), Instant.EPOCH,
                Duration.ofSeconds(60), pair, pair, pair, small, 500, memory, new BenchReport.Retries(0, 0, 0),
                Map.of("single_1stream.sluice", Map.of("ingest-api", 4.5, "total", 4.5)));
    }
}
