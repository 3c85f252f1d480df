package io.sluice.ingest.tus.checksum;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.tus.TusProtocol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * tus checksum extension: "{@code Upload-Checksum}: the name of the used checksum algorithm and the
 * Base64 encoded checksum separated by a space", over the request's body. "If the hash cannot be
 * calculated … because the algorithm is not supported, the response MUST be 400"; "if the checksums
 * do not match, the response MUST be 460 and the offset MUST NOT be increased" — so no chunk of a body
 * with a checksum is published before the whole body is checked.
 */
public record UploadChecksum(String algorithm, byte[] expected) {

    /** The header's checksum, or empty when there is none. */
    public static Optional<UploadChecksum> parse(String header) {
        if (header == null) return Optional.empty();
        String[] parts = header.trim().split(" ", -1);
        if (parts.length != 2) throw invalid("Upload-Checksum is '<algorithm> <base64 digest>'");
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!TusProtocol.CHECKSUM_ALGORITHMS.contains(algorithm)) {
            throw invalid("Upload-Checksum algorithm " + parts[0] + " is not one of " + TusProtocol.CHECKSUM_ALGORITHMS);
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("the Upload-Checksum digest is not base64");
        }
        UploadChecksum checksum = new UploadChecksum(algorithm, expected);
        if (expected.length != checksum.newDigest().getDigestLength()) {
            throw invalid("the Upload-Checksum digest is not a " + algorithm + " digest");
        }
        return Optional.of(checksum);
    }

    /** A fresh digest of the algorithm, to feed the body to. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has " + algorithm, e);
        }
    }

    /** @throws ApiException 460 when the body's digest is not the expected one */
    public void check(MessageDigest body) {
        if (!MessageDigest.isEqual(expected, body.digest())) {
            throw new ApiException(ProblemCode.UPLOAD_CHECKSUM_MISMATCH,
                    "the body's " + algorithm + " is not the one in Upload-Checksum; nothing of it was kept");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", TusProtocol.UPLOAD_CHECKSUM);
    }
}
