package io.sluice.blob.chunks;

import io.sluice.upload.rules.ChunkLengthRule;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Checks a chunk's bytes against what its event claims, before anything is stored. */
public final class ChunkVerification {

    private static final HexFormat HEX = HexFormat.of();

    private ChunkVerification() {}

    /**
     * The SHA-256 of {@code bytes}, lowercase hex, when the bytes have the declared length and digest
     * (compared case-insensitively, as the session processor parses it); empty otherwise.
     */
    public static Optional<String> verifiedSha256(byte[] bytes, int declaredLength, String declaredSha256) {
        if (ChunkLengthRule.checkStated(declaredLength, bytes.length).isPresent() || declaredSha256 == null) {
            return Optional.empty();
        }
        String actual = sha256Hex(bytes);
        return actual.equalsIgnoreCase(declaredSha256) ? Optional.of(actual) : Optional.empty();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
