package io.sluice.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The Prometheus text of a component's meters: types as Prometheus wants them, the component on each. */
class MetricsTest {

    @Test
    void shouldServeCountersAsCountersGaugesAsGaugesAndTimersAsHistograms() {
        Metrics metrics = new Metrics("blob-writer");
        LongAdder stored = new LongAdder();
        stored.add(3);
        metrics.functionCounter("blob_chunks_stored", "Chunk objects written.", stored, LongAdder::sum)
                .gauge("ingest_chunk_bytes_in_flight", "Chunk bytes held.", () -> 42);
        metrics.counter("uploads_finished", "Uploads finished.").increment();
        metrics.timer("finish_latency", "Finish latency.").record(Duration.ofMillis(20));

        String text = metrics.scrape();

        assertThat(text).contains("# TYPE sluice_blob_chunks_stored_total counter",
                "sluice_blob_chunks_stored_total{component=\"blob-writer\"} 3.0",
                "# TYPE sluice_ingest_chunk_bytes_in_flight gauge",
                "# TYPE sluice_uploads_finished_total counter",
                "# TYPE sluice_finish_latency_seconds histogram",
                "# TYPE process_cpu_seconds_total counter",
                "sluice_jvm_heap_used_bytes{component=\"blob-writer\"}");
        assertThat(text).as("names promtool refuses").doesNotContain("process_cpu_time_ns", "system_cpu_count{");
    }
}
