package io.sluice.session.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers: one-shot digests and lowercase hex, the form every API and event uses. */
public final class Sha256 {

    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {}

    public static byte[] of(byte[] bytes, int offset, int length) {
        MessageDigest digest = newDigest();
        digest.update(bytes, offset, length);
        return digest.digest();
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static byte[] of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    /** Parses 64 hex digits (either case); throws {@link IllegalArgumentException} otherwise. */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != LENGTH * 2) {
            throw new IllegalArgumentException("a SHA-256 is 64 hex digits");
        }
        return HEX.parseHex(hex);
    }
}
