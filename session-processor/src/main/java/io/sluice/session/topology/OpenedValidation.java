package io.sluice.session.topology;

import io.sluice.events.UploadOpened;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.UploadSpec;
import java.util.Objects;

/**
 * Checks of an {@code UploadOpened} the ingest API already guarantees, repeated here because direct
 * producers skip the API: a session is only opened for a request that describes a valid upload.
 */
final class OpenedValidation {

    /** Tenants name object keys (ObjectKeys.asset), so they are restricted to key-safe names. */
    private static final String TENANT = "[A-Za-z0-9._-]{1,64}";

    private OpenedValidation() {}

    /** What is wrong with the request, or null. */
    static String problem(UploadOpened opened) {
        if (!UploadIds.isUploadId(opened.getUploadId())) return "uploadId must be up_ followed by 32 hex digits";
        if (opened.getTenant() == null || !opened.getTenant().matches(TENANT)) return "tenant must match " + TENANT;
        if (opened.getSize() <= 0) return "size must be positive";
        if (opened.getChunkSize() <= 0) return "chunkSize must be positive";
        long expectedCount = UploadSpec.chunkCount(opened.getSize(), opened.getChunkSize());
        if (expectedCount > Integer.MAX_VALUE || opened.getChunkCount() != expectedCount) {
            return "chunkCount must be ceil(size / chunkSize) = " + expectedCount;
        }
        if (opened.getIdleTtlMillis() <= 0) return "idleTtlMillis must be positive";
        if (opened.getSha256() != null && !opened.getSha256().matches("[0-9a-fA-F]{64}")) {
            return "sha256 must be 64 hex digits";
        }
        return null;
    }

    /** Whether a repeated open describes the same upload (an idempotent retry) rather than another one. */
    static boolean sameUpload(UploadOpened first, UploadOpened again) {
        return Objects.equals(first.getTenant(), again.getTenant())
                && Objects.equals(first.getFileName(), again.getFileName())
                && Objects.equals(first.getContentType(), again.getContentType())
                && first.getSize() == again.getSize()
                && first.getChunkSize() == again.getChunkSize()
                && Objects.equals(lower(first.getSha256()), lower(again.getSha256()))
                && Objects.equals(first.getIdempotencyKey(), again.getIdempotencyKey())
                && Objects.equals(first.getDerivativeOf(), again.getDerivativeOf())
                && Objects.equals(first.getMetadata(), again.getMetadata());
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(java.util.Locale.ROOT);
    }
}
