package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Rule: "missing or invalid field → 400 {@code invalid_request}", for {@code metadata}: at most
 * {@value #MAX_ENTRIES} entries; keys of 1 to {@value #MAX_KEY_LENGTH} characters without control
 * or format characters; values of at most {@value #MAX_VALUE_LENGTH} characters; keys and values
 * together at most {@value #MAX_TOTAL_BYTES} bytes in UTF-8. Metadata is copied into the session,
 * the status and the index entry, so it is bounded before it is kept; the entry count is checked
 * before a single entry is looked at.
 */
public final class MetadataRule {

    public static final int MAX_ENTRIES = 64;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 1024;
    public static final int MAX_TOTAL_BYTES = 16 * 1024;

    private MetadataRule() {}

    public static Optional<Violation> check(Map<String, String> metadata) {
        if (metadata == null) return Optional.empty();
        if (metadata.size() > MAX_ENTRIES) {
            return Optional.of(violation("metadata must have at most " + MAX_ENTRIES + " entries")
                    .with("entries", metadata.size()));
        }
        long totalBytes = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue();
            if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
                    || key.codePoints().anyMatch(MetadataRule::isControlOrFormat)) {
                return Optional.of(violation("metadata keys must be 1 to " + MAX_KEY_LENGTH
                        + " characters without control or format characters"));
            }
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                return Optional.of(violation("metadata values must be strings of at most " + MAX_VALUE_LENGTH
                        + " characters"));
            }
            totalBytes += key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
        }
        if (totalBytes > MAX_TOTAL_BYTES) {
            return Optional.of(violation("metadata must be at most " + MAX_TOTAL_BYTES + " bytes in UTF-8")
                    .with("bytes", totalBytes));
        }
        return Optional.empty();
    }

    private static boolean isControlOrFormat(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static Violation violation(String detail) {
        return Violation.of(RuleCode.INVALID_REQUEST, detail).with("field", "metadata");
    }
}
