package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/** Rule: "chunk size outside the configured bounds → 400 {@code invalid_chunk_size}". */
public final class ChunkSizeRule {

    private ChunkSizeRule() {}

    public static Optional<Violation> check(long chunkSize, int minimum, int maximum) {
        if (chunkSize >= minimum && chunkSize <= maximum) return Optional.empty();
        return Optional.of(Violation.of(RuleCode.INVALID_CHUNK_SIZE,
                        "chunkSize must be between " + minimum + " and " + maximum + " bytes")
                .with("chunkSize", chunkSize).with("minimum", minimum).with("maximum", maximum));
    }
}
