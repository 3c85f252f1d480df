package io.sluice.session.domain;

import io.sluice.upload.ChunkGrid;
import java.util.Objects;

/**
 * What an upload was opened with: its chunk grid ({@link ChunkGrid}, the arithmetic the API uses
 * too) and the whole file's SHA-256 if the client declared it.
 *
 * @param declaredSha256 the whole file's SHA-256 if the client gave it at creation, else null
 */
public record UploadSpec(String uploadId, String tenant, ChunkGrid grid, byte[] declaredSha256) {

    public UploadSpec {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(grid, "grid");
        if (declaredSha256 != null && declaredSha256.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("declaredSha256 must be 32 bytes");
        }
    }

    public UploadSpec(String uploadId, String tenant, long size, int chunkSize, byte[] declaredSha256) {
        this(uploadId, tenant, ChunkGrid.of(size, chunkSize), declaredSha256);
    }

    public long size() {
        return grid.size();
    }

    public int chunkSize() {
        return grid.chunkSize();
    }

    public int chunkCount() {
        return grid.chunkCount();
    }

    /** The exact length chunk {@code index} must have. */
    public int expectedLength(int index) {
        return grid.expectedLength(index);
    }
}
