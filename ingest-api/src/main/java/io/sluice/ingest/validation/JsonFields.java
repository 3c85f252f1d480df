package io.sluice.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * docs/contract.md, bad input: "malformed JSON, missing or invalid field → 400 {@code invalid_request}":
 * typed access to a request body's members, naming the field in the problem ({@code field}). A
 * member that is present but {@code null} counts as absent.
 */
public final class JsonFields {

    private JsonFields() {}

    public static String requiredText(ObjectNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) throw invalid(field, field + " is required");
        return value;
    }

    public static String optionalText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw invalid(field, field + " must be a string");
        return node.textValue();
    }

    public static long requiredLong(ObjectNode body, String field) {
        Long value = optionalLong(body, field);
        if (value == null) throw invalid(field, field + " is required");
        return value;
    }

    public static Long optionalLong(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isIntegralNumber() || !node.canConvertToLong()) throw invalid(field, field + " must be an integer");
        return node.longValue();
    }

    public static ObjectNode optionalObject(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) return null;
        if (!(node instanceof ObjectNode object)) throw invalid(field, field + " must be an object");
        return object;
    }

    /** An object whose members are all strings, in the order given. */
    public static Map<String, String> optionalStringMap(ObjectNode body, String field) {
        ObjectNode object = optionalObject(body, field);
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null) return map;
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (member.getKey().isEmpty()) throw invalid(field, field + " keys must not be empty");
            if (!member.getValue().isTextual()) throw invalid(field, field + " values must be strings");
            map.put(member.getKey(), member.getValue().textValue());
        }
        return map;
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", field);
    }
}
