package io.sluice.client.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file, read start to end in 1 MiB steps: a finish needs it, and so does the check of a download. */
public final class FileHash {

    private FileHash() {}

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            update(digest, in);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds the whole stream to the digest. */
    public static void update(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 20];
        for (int read; (read = in.read(buffer)) >= 0; ) digest.update(buffer, 0, read);
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }
}
