package io.sluice.upload.rules;

import io.sluice.upload.ChunkGrid;
import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: "size / chunk size giving more chunks than the configured maximum → 400
 * {@code too_many_chunks} (the detail names the smallest chunk size that fits)". Every per-chunk
 * record an upload keeps grows with its chunk count, so the count is bounded before anything is
 * kept. Applies to a positive size and chunk size.
 */
public final class ChunkCountRule {

    private ChunkCountRule() {}

    public static Optional<Violation> check(long size, long chunkSize, int maxChunkCount, int chunkSizeMin) {
        long count = ChunkGrid.chunkCount(size, chunkSize);
        if (count <= maxChunkCount) return Optional.empty();
        long smallestFitting = Math.max(chunkSizeMin, Math.ceilDiv(size, maxChunkCount));
        return Optional.of(Violation.of(RuleCode.TOO_MANY_CHUNKS, "size " + size + " in chunks of " + chunkSize
                        + " bytes gives " + count + " chunks, more than the maximum of " + maxChunkCount
                        + "; the smallest chunk size that fits is " + smallestFitting + " bytes")
                .with("chunkCount", count).with("maximumChunkCount", maxChunkCount)
                .with("minimumChunkSize", smallestFitting));
    }
}
