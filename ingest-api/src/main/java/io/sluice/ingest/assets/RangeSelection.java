package io.sluice.ingest.assets;

import java.util.Locale;

/**
 * What a {@code Range} header (RFC 9110 §14) selects of a representation of {@code size} bytes.
 * One range is served: {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n}. A header this
 * server does not serve — another unit, several ranges, bad syntax — is ignored and the whole
 * representation sent, as RFC 9110 allows; a well-formed range that starts past the end is
 * unsatisfiable (416).
 */
public sealed interface RangeSelection {

    /** No usable range: 200 with every byte. */
    record Whole() implements RangeSelection {}

    /** Bytes {@code first} to {@code last}, inclusive: 206. */
    record Part(long first, long last) implements RangeSelection {
        public long length() {
            return last - first + 1;
        }

        public String contentRange(long size) {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements RangeSelection {}

    static RangeSelection of(String header, long size) {
        if (header == null) return new Whole();
        String value = header.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) return new Whole();
        String spec = value.substring("bytes=".length()).trim();
        if (spec.indexOf(',') >= 0) return new Whole();
        int dash = spec.indexOf('-');
        if (dash < 0) return new Whole();
        Long first = digits(spec.substring(0, dash).trim());
        Long last = digits(spec.substring(dash + 1).trim());
        boolean firstGiven = dash > 0;
        boolean lastGiven = dash < spec.length() - 1;
        if ((firstGiven && first == null) || (lastGiven && last == null)) return new Whole();
        if (!firstGiven) { // suffix: the last n bytes
            if (!lastGiven) return new Whole();
            if (last == 0 || size == 0) return new Unsatisfiable();
            return new Part(Math.max(0, size - last), size - 1);
        }
        if (lastGiven && last < first) return new Whole();
        if (first >= size) return new Unsatisfiable();
        return new Part(first, lastGiven ? Math.min(last, size - 1) : size - 1);
    }

    /** A non-negative decimal number, or null (empty, not digits, or too large for a long). */
    private static Long digits(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
        return Long.parseLong(text);
    }
}
