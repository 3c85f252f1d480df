package io.sluice.ingest.assets;

import java.util.Optional;

/**
 * The conditional headers of a content request (RFC 9110 §13), against the asset's one
 * representation, whose strong ETag is its SHA-256:
 * <ul>
 *   <li>{@code If-None-Match} naming the ETag (weakly compared, as §13.1.2 says) or {@code *}:
 *       304 Not Modified, no body;</li>
 *   <li>{@code If-Range} with {@code Range}: the range is served only if {@code If-Range} is the
 *       ETag (strong comparison) or the exact {@code Last-Modified} date; otherwise the whole
 *       representation, 200.</li>
 * </ul>
 */
final class ConditionalRequest {

    private ConditionalRequest() {}

    /** Whether {@code If-None-Match} names the representation, so the answer is 304. */
    static boolean notModified(Optional<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty()) return false;
        for (String candidate : ifNoneMatch.get().split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) return true;
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag)) return true;
        }
        return false;
    }

    /** Whether a {@code Range} may be served: no {@code If-Range}, or one that still names this representation. */
    static boolean rangeApplies(Optional<String> ifRange, String etag, String lastModified) {
        if (ifRange.isEmpty()) return true;
        String value = ifRange.get().trim();
        return value.equals(etag) || value.equals(lastModified);
    }
}
