package io.sluice.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The development bearer token: random, generated once into {@code .sluice/dev-token} and kept
 * across restarts, so a client configured once keeps working. The services only ever see its
 * SHA-256 ({@code SLUICE_AUTH_TOKENS=dev=sha256:<hex>}).
 */
public record DevToken(String token) {

    public static final String TENANT = "dev";
    /** The name the stack's operator token is configured under. */
    public static final String OPERATOR = "operator";

    /**
     * The token in {@code file}, made first if there is none. Services launch in parallel and each
     * asks for it, hence synchronized: every service and the printed token agree. The file is
     * written whole by an atomic rename, so a reader never sees half a token.
     */
    public static synchronized DevToken loadOrCreate(Path file) throws IOException {
        Optional<DevToken> existing = read(file);
        if (existing.isPresent()) return existing.get();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "dev-token", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, token + "\n");
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return new DevToken(token);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Optional<DevToken> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String token = Files.readString(file).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(new DevToken(token));
    }

    /** The value of {@code SLUICE_AUTH_TOKENS} granting this token to the {@value #TENANT} tenant. */
    public String authTokensSetting() {
        return TENANT + "=sha256:" + sha256Hex(token);
    }

    /** The value of {@code SLUICE_OPERATOR_TOKENS} making this token the stack's {@value #OPERATOR} token. */
    public String operatorTokensSetting() {
        return OPERATOR + "=sha256:" + sha256Hex(token);
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
