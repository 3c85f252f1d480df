package io.sluice.upload.rules;

import io.sluice.upload.ChunkGrid;
import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: "chunk of the wrong length → 400 {@code chunk_size_mismatch}": every chunk but the last is
 * exactly {@code chunkSize} bytes, the last is the remainder. A chunk event also states its length
 * beside its bytes; a length that is not the bytes' is the same error, whatever the grid says.
 */
public final class ChunkLengthRule {

    private ChunkLengthRule() {}

    /** The chunk at a valid {@code index} of {@code grid} has {@code actualLength} bytes. */
    public static Optional<Violation> check(ChunkGrid grid, int index, long actualLength) {
        int expected = grid.expectedLength(index);
        if (actualLength == expected) return Optional.empty();
        return Optional.of(mismatch("chunk " + index + " must be exactly " + expected + " bytes, was " + actualLength,
                expected, actualLength));
    }

    /** An event that states {@code statedLength} carries {@code actualLength} bytes. */
    public static Optional<Violation> checkStated(long statedLength, long actualLength) {
        if (statedLength == actualLength) return Optional.empty();
        return Optional.of(mismatch("the chunk states " + statedLength + " bytes but carries " + actualLength,
                statedLength, actualLength));
    }

    private static Violation mismatch(String detail, long expected, long actual) {
        return Violation.of(RuleCode.CHUNK_SIZE_MISMATCH, detail).with("expected", expected).with("actual", actual);
    }
}
