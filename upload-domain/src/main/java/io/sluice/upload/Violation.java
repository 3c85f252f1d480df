package io.sluice.upload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A broken rule: its code, a sentence for people, and named values a client can act on (the
 * bounds, the field, the smallest chunk size that fits), in the order they were added.
 */
public record Violation(RuleCode code, String detail, Map<String, Object> members) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public static Violation of(RuleCode code, String detail) {
        return new Violation(code, detail, Map.of());
    }

    /** A copy with one more member. */
    public Violation with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Violation(code, detail, more);
    }
}
