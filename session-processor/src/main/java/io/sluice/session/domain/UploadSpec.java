package io.sluice.session.domain;

import java.util.Objects;

/**
 * What an upload was opened with. {@code chunkCount = ceil(size / chunkSize)}; every chunk but the
 * last is exactly {@code chunkSize} bytes, the last is the remainder.
 *
 * @param declaredSha256 the whole file's SHA-256 if the client gave it at creation, else null
 */
public record UploadSpec(String uploadId, String tenant, long size, int chunkSize, byte[] declaredSha256) {

    public UploadSpec {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(tenant, "tenant");
        if (size <= 0) throw new IllegalArgumentException("size must be positive: " + size);
        if (chunkSize <= 0) throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        if (declaredSha256 != null && declaredSha256.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("declaredSha256 must be 32 bytes");
        }
        if (chunkCount(size, chunkSize) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many chunks: size " + size + ", chunk size " + chunkSize);
        }
    }

    public static long chunkCount(long size, int chunkSize) {
        return (size + chunkSize - 1) / chunkSize;
    }

    public int chunkCount() {
        return (int) chunkCount(size, chunkSize);
    }

    /** The exact length chunk {@code index} must have. */
    public int expectedLength(int index) {
        return index < chunkCount() - 1 ? chunkSize : (int) (size - (long) chunkSize * (chunkCount() - 1));
    }
}
