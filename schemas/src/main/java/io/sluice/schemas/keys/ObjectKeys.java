package io.sluice.schemas.keys;

import java.util.Locale;

/**
 * Object keys in the bucket. Keys are built from ids and digests only — never from a client's file
 * name — and are scoped by upload (chunks) or by tenant and asset (assets), so uploads never share
 * an object (contract I4).
 *
 * <p>A chunk's key includes the SHA-256 of its bytes: a redelivered chunk maps to the same key (a
 * harmless rewrite of identical bytes), and a conflicting duplicate maps to a different key, so it
 * can never overwrite accepted bytes.
 */
public final class ObjectKeys {

    private ObjectKeys() {}

    /** Prefix of every chunk object of an upload (for listing and cleanup). */
    public static String chunkPrefix(String uploadId) {
        UploadIds.requireUploadId(uploadId);
        return "uploads/" + uploadId + "/chunks/";
    }

    public static String chunk(String uploadId, int index, String sha256Hex) {
        if (index < 0) throw new IllegalArgumentException("negative chunk index");
        if (sha256Hex.length() != 64) throw new IllegalArgumentException("not a SHA-256: " + sha256Hex);
        return chunkPrefix(uploadId) + String.format(Locale.ROOT, "%08d-%s", index, sha256Hex);
    }

    public static String asset(String tenant, String assetId) {
        if (!UploadIds.isAssetId(assetId)) throw new IllegalArgumentException("not an asset id: " + assetId);
        if (!tenant.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("unsafe tenant: " + tenant);
        return "assets/" + tenant + "/" + assetId;
    }
}
