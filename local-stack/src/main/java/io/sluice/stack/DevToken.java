package io.sluice.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The development bearer token: random, generated once into {@code .sluice/dev-token} and kept
 * across restarts, so a client configured once keeps working. The services only ever see its
 * SHA-256 ({@code SLUICE_AUTH_TOKENS=dev=sha256:<hex>}).
 */
public record DevToken(String token) {

    public static final String TENANT = "dev";

    public static DevToken loadOrCreate(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            String existing = Files.readString(file).trim();
            if (!existing.isEmpty()) return new DevToken(existing);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        DevToken created = new DevToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        Files.createDirectories(file.getParent());
        Files.writeString(file, created.token() + "\n");
        restrictToOwner(file);
        return created;
    }

    /** The value of {@code SLUICE_AUTH_TOKENS} granting this token to the {@value #TENANT} tenant. */
    public String authTokensSetting() {
        return TENANT + "=sha256:" + sha256Hex(token);
    }

    static String sha256Hex(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the file keeps its default permissions.
        }
    }
}
