package io.sluice.ingest.tus.creation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.upload.rules.MetadataRule;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * tus's {@code Upload-Metadata}: "one or more comma-separated key-value pairs. The key and value MUST
 * be separated by a space. The key MUST NOT contain spaces and commas and MUST NOT be empty. The key
 * SHOULD be ASCII encoded and the value MUST be Base64 encoded. All keys MUST be unique. The value MAY
 * be empty." The decoded pairs become the upload's metadata, bounded by the same rule as any opening's
 * ({@link MetadataRule}); the header is measured and its pairs counted before any is decoded.
 */
public final class TusMetadata {

    /** Keys Sluice keeps for itself in an upload's metadata; a client's keys may not start so. */
    public static final String RESERVED_PREFIX = "tus-";

    /** The decoded bound, in base64 (4 characters per 3 bytes), plus room for the keys' separators. */
    static final int MAX_HEADER_LENGTH = MetadataRule.MAX_TOTAL_BYTES * 4 / 3 + 4 * MetadataRule.MAX_ENTRIES;
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e&&[^,]]+");

    private TusMetadata() {}

    /** The pairs of the header, in order; empty for no header. */
    public static Map<String, String> parse(String header) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (header == null || header.isBlank()) return pairs;
        if (header.length() > MAX_HEADER_LENGTH) throw invalid("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters");
        String[] items = header.split(",", MetadataRule.MAX_ENTRIES + 2);
        if (items.length > MetadataRule.MAX_ENTRIES) {
            throw invalid("Upload-Metadata has more than " + MetadataRule.MAX_ENTRIES + " pairs");
        }
        for (String item : items) {
            String pair = item.trim();
            int space = pair.indexOf(' ');
            String key = space < 0 ? pair : pair.substring(0, space);
            String encoded = space < 0 ? "" : pair.substring(space + 1).trim();
            if (!KEY.matcher(key).matches()) throw invalid("an Upload-Metadata key is empty or not printable ASCII");
            if (key.startsWith(RESERVED_PREFIX)) throw invalid("Upload-Metadata keys starting with tus- are Sluice's own");
            if (pairs.put(key, decode(key, encoded)) != null) throw invalid("Upload-Metadata names " + key + " twice");
        }
        return pairs;
    }

    /** The header for a HEAD answer: the client's pairs (not Sluice's own), sorted by key. */
    public static String header(Map<String, String> metadata) {
        StringJoiner joiner = new StringJoiner(",");
        new TreeMap<>(metadata).forEach((key, value) -> {
            if (key.startsWith(RESERVED_PREFIX)) return;
            joiner.add(value.isEmpty() ? key : key + " " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        });
        return joiner.toString();
    }

    private static String decode(String key, String encoded) {
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid("the Upload-Metadata value of " + key + " is not base64 of UTF-8 text");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", "Upload-Metadata");
    }
}
