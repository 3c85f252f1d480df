package io.sluice.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.service.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointsTest {

    private final AtomicReference<Readiness> readiness = new AtomicReference<>(Readiness.notReady("warming up"));
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpEndpoints endpoints;

    @BeforeEach
    void start() {
        Metrics metrics = new Metrics("test-component").gauge("widgets", "Widgets seen.", () -> 3);
        endpoints = HttpEndpoints.bind("127.0.0.1", 0, readiness::get, metrics).start();
    }

    @AfterEach
    void stop() {
        endpoints.close();
    }

    @Test
    void shouldAnswerLiveWhileNotReady() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("warming up");
    }

    @Test
    void shouldAnswerReadyOnceTheServiceIs() throws Exception {
        readiness.set(Readiness.ready());

        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldExposeGaugesInPrometheusFormat() throws Exception {
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("# TYPE sluice_widgets gauge")
                .contains("sluice_widgets{component=\"test-component\"} 3.0")
                .contains("sluice_jvm_heap_used_bytes{component=\"test-component\"}");
    }

    @Test
    void shouldServeOnlyTheMetricsARequestNames() throws Exception {
        HttpResponse<String> one = get("/metrics?name%5B%5D=sluice_widgets");
        HttpResponse<String> two = get("/metrics?name%5B%5D=sluice_widgets&name%5b%5d=sluice_jvm_heap_used_bytes");

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("sluice_widgets{component=\"test-component\"} 3.0")
                .doesNotContain("sluice_jvm_heap_used_bytes", "process_cpu_seconds_total");
        assertThat(two.body()).contains("sluice_widgets{", "sluice_jvm_heap_used_bytes{")
                .doesNotContain("process_cpu_seconds_total");
    }

    @Test
    void shouldServeEveryMetricForAQueryNamingNone() throws Exception {
        HttpResponse<String> foreign = get("/metrics?other=1&name%5B%5D=");

        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body()).contains("sluice_widgets{", "process_cpu_seconds_total");
    }

    @Test
    void shouldAnswerAPathNoRouteClaimsWithANotFoundProblem() throws Exception {
        HttpResponse<String> missing = get("/v1/assets?tenant=dev");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(missing.body()).contains("\"code\":\"not_found\"");
    }

    @Test
    void shouldNameNoServerSoftwareOrVersion() throws Exception {
        HttpResponse<String> live = get("/health/live");

        assertThat(live.headers().firstValue("Server")).isEmpty();
        assertThat(live.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void shouldServeRequestsOnVirtualThreads() throws Exception {
        String[] thread = {null};
        HttpEndpoints other = HttpEndpoints.bind("127.0.0.1", 0, Readiness::ready, new Metrics("t"))
                .route("/which", exchange -> {
                    thread[0] = Thread.currentThread().isVirtual() ? "virtual" : "platform";
                    HttpEndpoints.respond(exchange, 200, "text/plain", "ok");
                }).start();
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/which")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            other.close();
        }
        assertThat(thread[0]).isEqualTo("virtual");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
