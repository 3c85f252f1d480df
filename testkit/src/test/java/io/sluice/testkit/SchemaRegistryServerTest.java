package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@RealServers
class SchemaRegistryServerTest {

    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Pattern ID = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*(\\d+)\\s*}");
    private static final String CHUNK_V1 = """
            {"type": "record", "name": "Chunk", "namespace": "io.sluice.test",
             "fields": [{"name": "index", "type": "int"}]}""";
    private static final String CHUNK_WITH_REQUIRED_SIZE = """
            {"type": "record", "name": "Chunk", "namespace": "io.sluice.test",
             "fields": [{"name": "index", "type": "int"}, {"name": "size", "type": "long"}]}""";
    private static final String CHUNK_WITH_DEFAULTED_SIZE = """
            {"type": "record", "name": "Chunk", "namespace": "io.sluice.test",
             "fields": [{"name": "index", "type": "int"}, {"name": "size", "type": "long", "default": 0}]}""";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void closeHttpClient() {
        HTTP.close();
    }

    @Test
    void shouldServeConfluentApiFromRegistry(SchemaRegistryServer registry) throws Exception {
        HttpResponse<String> subjects = send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects")).GET());
        assertThat(subjects.statusCode()).isEqualTo(200);
        assertThat(subjects.body().strip()).startsWith("[").endsWith("]");

        HttpResponse<String> registered = register(registry, newSubject(), CHUNK_V1);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        Matcher id = ID.matcher(registered.body());
        assertThat(id.find()).as(registered.body()).isTrue();

        HttpResponse<String> byId = send(HttpRequest.newBuilder(
                URI.create(registry.url() + "/schemas/ids/" + id.group(1))).GET());
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("Chunk");
    }

    /** The global BACKWARD rule is enforced although the ccompat {@code GET /config} answers NONE. */
    @Test
    void shouldRejectABackwardIncompatibleSchemaWithoutPerSubjectConfig(SchemaRegistryServer registry)
            throws Exception {
        String subject = newSubject();
        assertThat(register(registry, subject, CHUNK_V1).statusCode()).isEqualTo(200);

        HttpResponse<String> incompatible = register(registry, subject, CHUNK_WITH_REQUIRED_SIZE);
        HttpResponse<String> compatible = register(registry, subject, CHUNK_WITH_DEFAULTED_SIZE);

        assertThat(incompatible.statusCode()).as(incompatible.body()).isEqualTo(409);
        assertThat(compatible.statusCode()).as(compatible.body()).isEqualTo(200);
    }

    private static String newSubject() {
        return "chunk-" + UUID.randomUUID() + "-value";
    }

    private static HttpResponse<String> register(SchemaRegistryServer registry, String subject, String schema)
            throws IOException, InterruptedException {
        String body = "{\"schema\": \"" + schema.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}";
        return send(HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", CONFLUENT_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.header("Accept", CONFLUENT_JSON).build(), HttpResponse.BodyHandlers.ofString());
    }
}
