package io.sluice.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * A small client of the Confluent Schema Registry REST API (Avro schemas only).
 *
 * <p>Confluent's own client is not on Maven Central, and Apicurio's serdes speak only Apicurio's
 * native API, so this client is what keeps Sluice portable: it talks to a Confluent registry
 * (base URL {@code http://host:8081}) and to Apicurio's Confluent-compatible API (base URL {@code
 * http://host:8085/apis/ccompat/v7}) alike.
 *
 * <p>Thread-safe. Schemas fetched by id are cached for the life of the client: an id always names
 * the same schema.
 */
public final class SchemaRegistryClient implements SchemaRegistry {
    /** The content type the Confluent API expects and answers with. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /** A client with its own HTTP client and a 10 s timeout per request. */
    public SchemaRegistryClient(URI baseUrl) {
        this(baseUrl, HttpClient.newBuilder().connectTimeout(DEFAULT_TIMEOUT).build(), DEFAULT_TIMEOUT);
    }

    public SchemaRegistryClient(URI baseUrl, HttpClient http, Duration requestTimeout) {
        String url = baseUrl.toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    public static SchemaRegistryClient of(String baseUrl) {
        return new SchemaRegistryClient(URI.create(baseUrl));
    }

    public URI baseUrl() {
        return URI.create(baseUrl);
    }

    /**
     * Registers {@code schema} under {@code subject} (or finds it there already) and returns its
     * global id. The registry refuses (409) a schema that breaks the subject's compatibility level.
     */
    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = send("POST", "/subjects/" + PathSegment.encode(subject) + "/versions",
                schemaBody(schema));
        return answer.path("id").asInt();
    }

    /** Finds {@code schema} under {@code subject}; empty when the subject or the schema is not there. */
    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "/subjects/" + PathSegment.encode(subject), schemaBody(schema));
            return Optional.of(new RegisteredSchema(
                    subject, answer.path("id").asInt(), answer.path("version").asInt()));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The schema with this global id, fetched once and then served from the cache.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} when the
     *     registry does not know the id
     */
    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(
                    "schema " + id + " is of type " + type + ", not AVRO", 200, 0);
        }
        // A fresh parser per schema: named types of unrelated schemas must not clash.
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    /**
     * Whether {@code schema} may be registered under {@code subject}, judged by the registry against
     * the latest version and the subject's compatibility level. A subject with no versions yet
     * accepts any schema, so the answer is then {@code true}.
     */
    public boolean isCompatible(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST",
                    "/compatibility/subjects/" + PathSegment.encode(subject) + "/versions/latest",
                    schemaBody(schema));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    /** Sets the compatibility level of one subject and returns the level the registry confirms. */
    public CompatibilityLevel setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
        return levelIn(send("PUT", "/config/" + PathSegment.encode(subject), body));
    }

    /** The compatibility level set on this subject itself; empty when it has none of its own. */
    public Optional<CompatibilityLevel> compatibility(String subject) {
        try {
            return Optional.of(levelIn(send("GET", "/config/" + PathSegment.encode(subject), null)));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every subject the registry holds. */
    public List<String> subjects() {
        JsonNode answer = send("GET", "/subjects", null);
        List<String> subjects = new ArrayList<>();
        answer.forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    // Confluent answers a PUT with "compatibility" and a GET with "compatibilityLevel";
    // Apicurio answers "compatibilityLevel" to both.
    private static CompatibilityLevel levelIn(JsonNode answer) {
        JsonNode level = answer.has("compatibilityLevel")
                ? answer.get("compatibilityLevel")
                : answer.path("compatibility");
        return CompatibilityLevel.valueOf(level.asText());
    }

    private static ObjectNode schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private JsonNode send(String method, String path, JsonNode body) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SchemaRegistryException(method + " " + uri + ": no answer from the schema registry: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(method + " " + uri + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw failure(method, uri, status, response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    method + " " + uri + ": answer is not JSON: " + text(response.body()), status, 0);
        }
    }

    private static SchemaRegistryException failure(String method, URI uri, int status, byte[] body) {
        int errorCode = 0;
        String message = text(body);
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.isObject()) {
                errorCode = error.path("error_code").asInt(0);
                message = error.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // keep the raw body as the message
        }
        return new SchemaRegistryException(
                method + " " + uri + " -> HTTP " + status
                        + (errorCode != 0 ? ", error_code " + errorCode : "") + ": " + message,
                status, errorCode);
    }

    private static String text(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
