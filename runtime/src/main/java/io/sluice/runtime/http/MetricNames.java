package io.sluice.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric names a {@code /metrics} request asks for, as Prometheus' own exporters read them:
 * {@code ?name[]=a&name[]=b} (brackets plain or percent-encoded). No name asks for everything.
 */
final class MetricNames {

    /** More names than any reader needs; the rest of a longer query is ignored. */
    static final int MAX_NAMES = 32;

    private static final String PARAMETER = "name[]";

    private MetricNames() {}

    static Set<String> requested(String rawQuery) {
        Set<String> names = new LinkedHashSet<>();
        if (rawQuery == null || rawQuery.isEmpty()) return names;
        for (String pair : rawQuery.split("&", MAX_NAMES * 2 + 1)) {
            int equals = pair.indexOf('=');
            if (equals < 0) continue;
            String key = decoded(pair.substring(0, equals));
            String value = decoded(pair.substring(equals + 1));
            if (PARAMETER.equals(key) && value != null && !value.isEmpty() && names.size() < MAX_NAMES) {
                names.add(value);
            }
        }
        return names;
    }

    /** Null for a malformed escape: that parameter is ignored, not answered with an error. */
    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
