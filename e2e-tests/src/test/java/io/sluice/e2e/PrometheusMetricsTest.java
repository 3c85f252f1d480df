package io.sluice.e2e;

import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.sluice.runtime.service.ServiceId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every component's {@code /metrics} passes {@code promtool check metrics} — Prometheus's own
 * linter, from Debian's {@code prometheus} package (CI unpacks it, see {@code .ci/run}) — after real
 * traffic (an upload and a refusal), so counters are counters, names and help texts are as Prometheus wants them, and the
 * JVM, process and Kafka meters are there.
 *
 * <p>Where no promtool can be found ({@code SLUICE_PROMTOOL}, {@code .ci/tools}, the {@code PATH})
 * the test is skipped saying so, except under CI ({@code SLUICE_CI} set), where it fails.
 */
@OnSharedPipeline
class PrometheusMetricsTest {

    private static final int CHUNK = 64 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static InProcessPipeline pipeline;

    @BeforeAll
    static void traffic(InProcessPipeline shared) {
        pipeline = shared;
        SluiceClient client = shared.client();
        byte[] file = randomFile(CHUNK + 7, 60);
        String uploadId = create(client, "metered.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        finish(client, uploadId, file);
        assertThat(client.createRaw("{}").status()).as("a refusal, so refusals are counted too").isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(ServiceId.class)
    void shouldServeMetricsThatPromtoolAccepts(ServiceId component) throws Exception {
        Optional<Path> promtool = promtool();
        if (System.getenv("SLUICE_CI") != null) {
            assertThat(promtool).as("CI installs promtool (.ci/run); this test must not skip there").isPresent();
        }
        assumeThat(promtool).as("no promtool: set SLUICE_PROMTOOL, or run .ci/run once to unpack it").isPresent();

        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + pipeline.httpPort(component) + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Path scraped = Files.createTempFile("metrics-" + component.moduleName(), ".txt");
        Files.writeString(scraped, metrics, StandardCharsets.UTF_8);
        Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectInput(scraped.toFile()).redirectErrorStream(true).start();
        String complaints = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(check.exitValue()).as("promtool check metrics on %s:%n%s", component.moduleName(), complaints)
                .isZero();
        assertThat(metrics).contains("jvm_memory_used_bytes{", "process_cpu_usage{", "sluice_jvm_heap_used_bytes{");
        if (component == ServiceId.INGEST_API) {
            assertThat(metrics).contains("sluice_http_server_requests_seconds_count{",
                    "route=\"/v1/uploads/{uploadId}/chunks/{index}\"", "# TYPE sluice_chunk_bytes_received_total counter",
                    "kafka_producer_", "kafka_consumer_fetch_manager_records_lag_max{");
        }
        if (component == ServiceId.SESSION_PROCESSOR || component == ServiceId.INDEX_PROJECTOR) {
            assertThat(metrics).contains("kafka_stream_");
        }
        if (component == ServiceId.INDEX_PROJECTOR) {
            assertThat(metrics).contains("# TYPE sluice_uploads_finished_total counter",
                    "sluice_uploads_failed_total{component=\"index-projector\",reason=\"checksum_mismatch\"}",
                    "sluice_upload_verified_to_finished_seconds_bucket{");
        }
        if (component == ServiceId.BLOB_WRITER) {
            assertThat(metrics).contains("# TYPE sluice_blob_chunks_stored_total counter",
                    "sluice_blob_chunk_put_seconds_bucket{", "sluice_blob_asset_assembly_seconds_bucket{",
                    "kafka_consumer_fetch_manager_records_lag_max{", "kafka_producer_");
        }
    }

    /** Every series the shipped Grafana dashboard queries is served by some component. */
    @Test
    void shouldServeEverySeriesTheGrafanaDashboardQueries() throws Exception {
        StringBuilder all = new StringBuilder();
        for (ServiceId component : ServiceId.values()) {
            all.append(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort(component)
                    + "/metrics")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        Path dashboard = Path.of(System.getProperty("sluice.project.root", "..")).resolve("docs/grafana/sluice-dashboard.json");
        Set<String> queried = new TreeSet<>();
        Matcher exprs = Pattern.compile("\"expr\": \"([^\"]+)\"").matcher(Files.readString(dashboard));
        while (exprs.find()) {
            Matcher names = Pattern.compile("\\b((?:sluice|kafka|jvm|process)_[a-z_]+)").matcher(exprs.group(1));
            while (names.find()) queried.add(names.group(1));
        }
        assertThat(queried).isNotEmpty().allSatisfy(series ->
                assertThat(all.toString()).as("a component serves %s", series).contains("\n" + series + "{"));
    }

    private static Optional<Path> promtool() throws IOException {
        String configured = System.getenv("SLUICE_PROMTOOL");
        if (configured != null && Files.isExecutable(Path.of(configured))) return Optional.of(Path.of(configured));
        Path unpacked = Path.of(System.getProperty("sluice.project.root", "..")).resolve(".ci/tools/usr/bin/promtool");
        if (Files.isExecutable(unpacked)) return Optional.of(unpacked);
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable).findFirst();
    }
}
