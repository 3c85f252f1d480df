package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.service.ServiceId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./sluice bench --smoke} must write: every figure of issue 5 under its agreed key,
 * each a measurement (positive), and the machine it was measured on. The values of a smoke run
 * mean nothing; their presence means the full run still works.
 */
final class BenchSmokeResults {

    static final List<String> POSITIVE_NUMBERS = List.of(
            "single_1gib_1stream_mbps", "single_1gib_4streams_mbps", "direct_put_1stream_mbps",
            "direct_put_4streams_mbps", "ratio_1stream", "ratio_4streams", "parallel_64x16mib_mbps",
            "direct_parallel_64x16mib_mbps", "ratio_parallel_64x16mib", "small_uploads_per_s",
            "direct_small_puts_per_s", "chunk_size_bytes");
    static final List<String> PER_SERVICE = List.of("heap_peak_mb", "heap_max_mb", "rss_peak_mb");
    static final List<String> PERCENTILES = List.of("p50", "p95", "p99");

    private BenchSmokeResults() {}

    static void assertComplete(Path file) throws IOException {
        JsonNode results = new ObjectMapper().readTree(file.toFile());
        assertThat(results.path("mode").asText()).isEqualTo("smoke");
        for (String key : POSITIVE_NUMBERS) {
            assertThat(results.path(key).isNumber()).as("%s is a number in %s", key, results).isTrue();
            assertThat(results.path(key).asDouble()).as(key).isPositive();
        }
        for (String latency : List.of("finish_latency_ms", "finish_http_latency_ms")) {
            for (String percentile : PERCENTILES) {
                assertThat(results.path(latency).path(percentile).asDouble()).as("%s.%s", latency, percentile).isPositive();
            }
        }
        for (String key : PER_SERVICE) {
            for (ServiceId service : ServiceId.values()) {
                assertThat(results.path(key).path(service.moduleName()).asDouble())
                        .as("%s.%s", key, service.moduleName()).isPositive();
            }
        }
        // issue 16: the CPU every process spent per GiB, per scenario side (Linux: from /proc)
        for (String side : List.of("single_1stream.sluice", "single_4streams.sluice", "parallel.sluice",
                "small_uploads.sluice")) {
            JsonNode cost = results.path("cpu_seconds_per_gib").path(side);
            assertThat(cost.path("total").asDouble()).as("cpu_seconds_per_gib.%s.total", side).isPositive();
            for (ServiceId service : ServiceId.values()) {
                assertThat(cost.has(service.moduleName())).as("cpu_seconds_per_gib.%s.%s", side, service.moduleName())
                        .isTrue();
            }
        }
        JsonNode machine = results.path("machine");
        assertThat(machine.path("cores").asInt()).isPositive();
        assertThat(machine.path("memory_mb").asLong()).isPositive();
        assertThat(machine.path("jdk").asText()).isNotBlank();
    }
}
