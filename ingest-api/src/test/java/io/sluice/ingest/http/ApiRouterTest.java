package io.sluice.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.ingest.kafka.PublishFailedException;
import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.auth.HashedTokens;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.Readiness;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router on the real JDK server, with stand-in routes: authentication, routing and error answers. */
class ApiRouterTest {

    private static HttpEndpoints endpoints;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("t0ken".getBytes(StandardCharsets.UTF_8)));
        String operatorHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("0perator".getBytes(StandardCharsets.UTF_8)));
        Callers callers = new Callers(HashedTokens.parse(Setting.AUTH_TOKENS, "acme=sha256:" + hash),
                HashedTokens.parse(Setting.OPERATOR_TOKENS, "ops=sha256:" + operatorHash));
        ApiRouter router = new ApiRouter(callers, List.of(
                Route.of("GET", "/v1/things/{id}", request ->
                        Responses.json(request.exchange(), 200, Json.object().put("tenant", request.tenant())
                                .put("id", request.pathVariable("id")))),
                Route.of("PUT", "/v1/things/{id}", request -> {
                    throw new ApiException(ProblemCode.CHUNK_SIZE_MISMATCH, "wrong").with("expected", 3);
                }),
                Route.of("POST", "/v1/broken", request -> {
                    throw new IllegalStateException("secret internal detail in topic sluice.upload-requests");
                }),
                Route.of("POST", "/v1/unacknowledged", request -> {
                    throw new PublishFailedException("broker down", null);
                })));
        endpoints = HttpEndpoints.bind("127.0.0.1", 0, Readiness::ready, new Metrics("test"))
                .route("/v1/", router).start();
    }

    @AfterAll
    static void stop() {
        endpoints.close();
    }

    @Test
    void shouldServeARouteWithTheCallersTenant() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/things/42", "Bearer t0ken");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("tenant").asText()).isEqualTo("acme");
        assertThat(json(response).get("id").asText()).isEqualTo("42");
    }

    @Test
    void shouldAnswer401WithAChallengeBeforeRouting() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong"}) {
            HttpResponse<String> response = send("GET", "/v1/nowhere", authorization);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json(response).get("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void shouldRefuseAnOperatorTokenOnDataRoutes() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/things/42", "Bearer 0perator");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo("unauthorized");
        assertThat(json(response).get("detail").asText()).contains("operator token");
        assertThat(response.body()).doesNotContain("acme").doesNotContain("\"id\"");
    }

    @Test
    void shouldAnswer404ForUnknownPathsAnd405ForOtherMethods() throws Exception {
        assertThat(send("GET", "/v1/nowhere", "Bearer t0ken").statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send("DELETE", "/v1/things/1", "Bearer t0ken");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET, PUT");
    }

    @Test
    void shouldAnswerARefusalAsAProblemDocument() throws Exception {
        HttpResponse<String> response = send("PUT", "/v1/things/1", "Bearer t0ken");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo("chunk_size_mismatch");
        assertThat(problem.get("expected").asInt()).isEqualTo(3);
    }

    @Test
    void shouldAnswerAFaultWith500AndNoInternals() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/broken", "Bearer t0ken");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret", "sluice.upload-requests", "IllegalStateException", "at io.");
    }

    @Test
    void shouldAnswerAnUnacknowledgedPublishWith503AndRetryAfter() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/unacknowledged", "Bearer t0ken");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).doesNotContain("broker down");
    }

    @Test
    void shouldAnswerARefusalLeavingALongBodyUnreadAsTheConnectionsLastSoTheNextCallGetsAFreshOne() throws Exception {
        // past the limit by less than a socket buffer holds, so the refusal reaches the client still sending
        byte[] body = new byte[UnreadBody.DISCARD_LIMIT + 64 * 1024];
        for (HttpRequest.BodyPublisher publisher : List.of(HttpRequest.BodyPublishers.ofByteArray(body),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))) { // chunked
            HttpResponse<String> refused = http.send(request("PUT", "/v1/things/1", publisher).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Connection")).contains("close");
            assertThat(send("GET", "/v1/things/2", "Bearer t0ken").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldLetAClientStillSendingAChunkSizedBodyReadItsRefusal() throws Exception {
        byte[] body = new byte[8 * 1024 * 1024]; // more than the loopback's socket buffers hold
        for (HttpRequest.BodyPublisher publisher : List.of(HttpRequest.BodyPublishers.ofByteArray(body),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))) { // chunked
            HttpResponse<String> refused = http.send(request("PUT", "/v1/things/1", publisher).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Connection")).as("the connection stays usable").isEmpty();
        }
    }

    @Test
    void shouldDiscardAShortUnreadBodyAndKeepTheConnection() throws Exception {
        HttpResponse<String> refused = http.send(request("PUT", "/v1/things/1",
                HttpRequest.BodyPublishers.ofByteArray(new byte[1000])).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Connection")).isEmpty();
        assertThat(send("GET", "/v1/things/2", "Bearer t0ken").statusCode()).isEqualTo(200);
    }

    private static HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path))
                .method(method, body).header("Authorization", "Bearer t0ken");
    }

    private static HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body());
    }
}
