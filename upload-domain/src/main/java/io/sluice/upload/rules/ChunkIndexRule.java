package io.sluice.upload.rules;

import io.sluice.upload.ChunkGrid;
import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/** Rule: "chunk index &lt; 0 or ≥ chunkCount → 400 {@code chunk_index_out_of_range}". */
public final class ChunkIndexRule {

    private ChunkIndexRule() {}

    public static Optional<Violation> check(long index, ChunkGrid grid) {
        if (grid.hasIndex(index)) return Optional.empty();
        return Optional.of(Violation.of(RuleCode.CHUNK_INDEX_OUT_OF_RANGE,
                        "the chunk index must be in [0, " + grid.chunkCount() + ")")
                .with("index", index).with("chunkCount", grid.chunkCount()));
    }
}
