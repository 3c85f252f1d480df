package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;

/**
 * SPEC.md, bad input: "chunk size outside the configured bounds → 400 {@code invalid_chunk_size}"
 * ({@code SLUICE_CHUNK_SIZE_MIN} to {@code SLUICE_CHUNK_SIZE_MAX}). Also refused: a chunk size so
 * small for the file that its chunks could not be counted in an {@code int}.
 */
public final class ChunkSizeRule {

    private final int min;
    private final int max;

    public ChunkSizeRule(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public void check(long chunkSize, long size) {
        if (chunkSize < min || chunkSize > max) {
            throw new ApiException(ProblemCode.INVALID_CHUNK_SIZE,
                    "chunkSize must be between " + min + " and " + max + " bytes")
                    .with("chunkSize", chunkSize).with("minimum", min).with("maximum", max);
        }
        if ((size + chunkSize - 1) / chunkSize > Integer.MAX_VALUE) {
            throw new ApiException(ProblemCode.INVALID_CHUNK_SIZE, "chunkSize is too small for this size")
                    .with("chunkSize", chunkSize);
        }
    }
}
