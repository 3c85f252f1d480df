package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * docs/contract.md, bad input: "{@code Content-Digest} does not match the body → 400 {@code digest_mismatch}".
 * The header is RFC 9530's: a structured-field dictionary of algorithm → byte sequence, e.g.
 * {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}. Only {@code sha-256} is checked;
 * a header naming only other algorithms is ignored, as RFC 9530 lets a recipient do. A header
 * that cannot be read is an {@code invalid_request}.
 */
public final class ContentDigestRule {

    private static final int SHA_256_BYTES = 32;

    private ContentDigestRule() {}

    /** The SHA-256 the header states, if it states one. */
    public static Optional<byte[]> declaredSha256(Optional<String> header) {
        if (header.isEmpty()) return Optional.empty();
        byte[] found = null;
        for (String member : header.get().split(",")) {
            String trimmed = member.trim();
            int equals = trimmed.indexOf('=');
            if (equals <= 0) throw malformed();
            String algorithm = trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (!algorithm.equals("sha-256")) continue;
            String value = trimmed.substring(equals + 1).trim();
            int parameters = value.indexOf(';'); // structured-field parameters carry nothing for us
            if (parameters >= 0) value = value.substring(0, parameters).trim();
            if (value.length() < 2 || value.charAt(0) != ':' || value.charAt(value.length() - 1) != ':') throw malformed();
            try {
                found = Base64.getDecoder().decode(value.substring(1, value.length() - 1));
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            if (found.length != SHA_256_BYTES) throw malformed();
        }
        return Optional.ofNullable(found);
    }

    /** Refuses the body when the header states a SHA-256 other than the body's. */
    public static void check(Optional<byte[]> declared, byte[] actualSha256) {
        if (declared.isEmpty() || MessageDigest.isEqual(declared.get(), actualSha256)) return;
        throw new ApiException(ProblemCode.DIGEST_MISMATCH, "the body's SHA-256 is not the one Content-Digest states")
                .with("expected", "sha-256=:" + Base64.getEncoder().encodeToString(declared.get()) + ":")
                .with("actual", "sha-256=:" + Base64.getEncoder().encodeToString(actualSha256) + ":");
    }

    private static ApiException malformed() {
        return new ApiException(ProblemCode.INVALID_REQUEST,
                "Content-Digest must be an RFC 9530 dictionary such as sha-256=:<base64>:");
    }
}
