package io.sluice.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.events.ChunkStored;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the protocol as a real Confluent registry speaks it (base URL without a
 * path, {@code compatibility} in PUT answers), which the Apicurio-based integration tests cannot
 * show. The server here answers canned JSON and records what it was sent.
 */
class SchemaRegistryClientProtocolTest {
    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private SchemaRegistryClient client;

    private record Answer(int status, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        // a Confluent registry lives at the root: no path in the base URL
        client = SchemaRegistryClient.of("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldRegisterWithTheSchemaAsAJsonStringInTheRegistryContentType() {
        answers.put("POST /subjects/orders-value/versions", new Answer(200, "{\"id\":7}"));

        assertThat(client.register("orders-value", ChunkStored.getClassSchema())).isEqualTo(7);
        assertThat(contentTypes).containsExactly(SchemaRegistryClient.CONTENT_TYPE);
        assertThat(bodies.getFirst()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
    }

    @Test
    void shouldReadTheLevelFromAConfluentPutAnswer() {
        answers.put("PUT /config/orders-value", new Answer(200, "{\"compatibility\":\"BACKWARD\"}"));

        assertThat(client.setCompatibility("orders-value", CompatibilityLevel.BACKWARD))
                .isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(bodies).containsExactly("{\"compatibility\":\"BACKWARD\"}");
    }

    @Test
    void shouldReadTheLevelFromAnApicurioPutAnswer() {
        answers.put("PUT /config/orders-value", new Answer(200, "{\"compatibilityLevel\":\"FULL\"}"));

        assertThat(client.setCompatibility("orders-value", CompatibilityLevel.FULL))
                .isEqualTo(CompatibilityLevel.FULL);
    }

    @Test
    void shouldReportTheStatusAndTheRegistryErrorCodeAndMessage() {
        answers.put("POST /subjects/orders-value/versions",
                new Answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

        assertThatThrownBy(() -> client.register("orders-value", ChunkStored.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                    assertThat(e.isTransient()).isFalse();
                })
                .hasMessageContaining("HTTP 422").hasMessageContaining("42201").hasMessageContaining("Invalid schema");
    }

    @Test
    void shouldTreatAServerErrorWithoutJsonAsTransientAndKeepTheBody() {
        answers.put("GET /subjects", new Answer(503, "upstream unavailable"));

        assertThatThrownBy(() -> client.subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isTransient()).isTrue())
                .hasMessageContaining("upstream unavailable");
    }

    @Test
    void shouldFetchASchemaByIdOnceAndThenServeItFromTheCache() {
        String schema = ChunkStored.getClassSchema().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        answers.put("GET /schemas/ids/3", new Answer(200, "{\"schema\":\"" + schema + "\"}"));

        client.schemaById(3);
        assertThat(client.schemaById(3)).isEqualTo(ChunkStored.getClassSchema());
        assertThat(requests).containsExactly("GET /schemas/ids/3");
    }

    @Test
    void shouldFindNothingWhenLookingUpAnUnknownSubject() {
        answers.put("POST /subjects/orders-value",
                new Answer(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}"));

        assertThat(client.lookup("orders-value", ChunkStored.getClassSchema())).isEmpty();
    }

    @Test
    void shouldFindASubjectWithoutVersionsCompatibleWithAnything() {
        answers.put("POST /compatibility/subjects/orders-value/versions/latest",
                new Answer(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}"));

        assertThat(client.isCompatible("orders-value", ChunkStored.getClassSchema())).isTrue();
    }

    @Test
    void shouldPercentEncodeTheSubjectInThePath() {
        answers.put("GET /config/a%2Fb%20c", new Answer(200, "{\"compatibilityLevel\":\"NONE\"}"));

        assertThat(client.compatibility("a/b c")).contains(CompatibilityLevel.NONE);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        requests.add(request);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            contentTypes.add(contentType);
        }
        byte[] sent = exchange.getRequestBody().readAllBytes();
        if (sent.length > 0) {
            bodies.add(new String(sent, StandardCharsets.UTF_8));
        }
        Answer answer = answers.getOrDefault(request,
                new Answer(404, "{\"error_code\":404,\"message\":\"no canned answer for " + request + "\"}"));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
