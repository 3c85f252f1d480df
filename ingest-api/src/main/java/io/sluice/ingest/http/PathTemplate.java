package io.sluice.ingest.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /v1/uploads/{uploadId}/chunks/{index}}: literal segments match exactly,
 * {@code {name}} segments match any one non-empty segment and are handed to the handler raw (the
 * ids and numbers the API takes are ASCII, so an encoded character simply fails their checks).
 */
public final class PathTemplate {

    private final String template;
    private final List<String> segments;

    private PathTemplate(String template) {
        this.template = template;
        this.segments = segmentsOf(template);
    }

    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    /** The path's variables, or empty when the path does not have this shape. */
    public Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = segmentsOf(rawPath);
        if (actual.size() != segments.size()) return Optional.empty();
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String segment = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (segment.isEmpty()) return Optional.empty();
                variables.put(expected.substring(1, expected.length() - 1), segment);
            } else if (!expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(variables);
    }

    @Override
    public String toString() {
        return template;
    }

    private static List<String> segmentsOf(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }
}
