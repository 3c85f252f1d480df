package io.sluice.ingest.assets;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the asset's file name (RFC 6266): a quoted
 * {@code filename} fallback in plain ASCII for old clients, and {@code filename*} (RFC 8187) with
 * the exact name in UTF-8, percent-encoded. Nothing of the name reaches the header unescaped: in
 * the fallback every character that is not printable ASCII, and {@code "} and {@code \}, becomes
 * {@code _}; in {@code filename*} everything but RFC 8187's attr-chars is percent-encoded — so no
 * name, whatever the index holds, can end the header or add another.
 */
final class ContentDisposition {

    private ContentDisposition() {}

    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + rfc8187(fileName);
    }

    static String asciiFallback(String fileName) {
        StringBuilder out = new StringBuilder(fileName.length());
        fileName.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    static String rfc8187(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return out.toString();
    }

    /** RFC 8187 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~". */
    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
