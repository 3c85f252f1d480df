package io.sluice.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.ingest.http.Route;
import io.sluice.ingest.tus.TusRoutes;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} describes exactly what the API's port serves: every route the server
 * mounted under {@code /v1/} and {@code /v1/tus/}, tus's {@code OPTIONS}, and every other path it
 * routes (the dashboard, this document, health, metrics) — no more, no fewer — and a route that
 * takes a token says so while one that does not says {@code security: []}.
 */
@RealServers
class OpenApiDocumentIntegrationTest {

    private static RunningIngestApi api;
    private static JsonNode document;

    @BeforeAll
    static void start(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) throws Exception {
        api = RunningIngestApi.start(kafka, registry, s3);
        HttpResponse<String> answer = new ApiClient(api.baseUrl()).send("GET", "/openapi.json", null, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        document = new ObjectMapper().readTree(answer.body());
    }

    @AfterAll
    static void stop() {
        if (api != null) api.close();
    }

    @Test
    void shouldDescribeEveryRouteTheServerHasAndNoOther() {
        Set<String> served = new TreeSet<>();
        for (Route route : api.service().routes()) served.add(route.method() + " " + route.path());
        served.add("OPTIONS " + TusRoutes.PREFIX);
        for (String path : api.endpoints().paths()) {
            if (!path.equals("/v1/") && !path.equals(TusRoutes.PREFIX)) served.add("GET " + path);
        }

        assertThat(documented()).isEqualTo(served);
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void shouldSayWhichRoutesTakeAToken() {
        Set<String> tokenRoutes = new TreeSet<>();
        for (Route route : api.service().routes()) tokenRoutes.add(route.method() + " " + route.path());
        Set<String> withoutToken = new TreeSet<>(documented());
        withoutToken.removeAll(tokenRoutes);

        for (String route : documented()) {
            JsonNode operation = operation(route);
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            assertThat(open).as("%s is open without a token", route).isEqualTo(withoutToken.contains(route));
            assertThat(operation.path("responses").size()).as("%s documents its answers", route).isPositive();
        }
    }

    private static Set<String> documented() {
        Set<String> routes = new TreeSet<>();
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            document.path("paths").get(path).fieldNames()
                    .forEachRemaining(method -> routes.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        return routes;
    }

    private static JsonNode operation(String route) {
        String[] parts = route.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }
}
