package io.sluice.schemas.keys;

import io.sluice.upload.IdFormat;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Upload and asset ids. An upload id is {@code up_} plus 32 lowercase hex digits; its asset id is
 * derived from it ({@code as_} plus the same digits), so redelivered or replayed events always name
 * the same asset.
 */
public final class UploadIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private UploadIds() {}

    public static String newUploadId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "up_" + HEX.formatHex(bytes);
    }

    /**
     * The upload id for an idempotency key: the same tenant and key always give the same id, so a
     * repeated create lands on the same session (same partition, same state).
     */
    public static String uploadIdForIdempotencyKey(String tenant, String idempotencyKey) {
        UUID uuid = UUID.nameUUIDFromBytes((tenant + "\u0000" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        return "up_" + uuid.toString().replace("-", "");
    }

    public static String assetIdFor(String uploadId) {
        requireUploadId(uploadId);
        return "as_" + uploadId.substring(3);
    }

    /** The upload an asset id was derived from (the inverse of {@link #assetIdFor}). */
    public static String uploadIdForAssetId(String assetId) {
        if (!isAssetId(assetId)) throw new IllegalArgumentException("not an asset id: " + assetId);
        return "up_" + assetId.substring(3);
    }

    public static boolean isUploadId(String candidate) {
        return IdFormat.isUploadId(candidate);
    }

    public static boolean isAssetId(String candidate) {
        return IdFormat.isAssetId(candidate);
    }

    public static void requireUploadId(String candidate) {
        if (!isUploadId(candidate)) throw new IllegalArgumentException("not an upload id: " + candidate);
    }
}
