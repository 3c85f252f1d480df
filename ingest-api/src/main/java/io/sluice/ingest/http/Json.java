package io.sluice.ingest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The one JSON mapper of the API. Bodies are built as trees, so field names and order are explicit. */
public final class Json {

    /**
     * Duplicate members are refused: which of two values a request meant is a guess, and an
     * idempotent retry must compare exactly what the first request said.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a request body; anything that is not one JSON object is an {@code invalid_request}. */
    public static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the body must be a JSON object");
        }
        return object;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
