package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.upload.ChunkGrid;
import io.sluice.upload.rules.ChunkIndexRule;
import java.util.regex.Pattern;

/**
 * The chunk index of a path segment: not a decimal integer at all is an {@code invalid_request};
 * outside the grid is the upload rule {@link ChunkIndexRule}.
 */
public final class ChunkIndexSegment {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private ChunkIndexSegment() {}

    /** The index named by the path segment, checked against the upload's grid. */
    public static int check(String segment, ChunkGrid grid) {
        if (!INTEGER.matcher(segment).matches()) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the chunk index must be a decimal integer");
        }
        long index;
        try {
            index = Long.parseLong(segment);
        } catch (NumberFormatException e) { // 19 digits can still pass Long.MAX_VALUE
            index = Long.MAX_VALUE;
        }
        RuleViolations.enforce(ChunkIndexRule.check(index, grid));
        return (int) index;
    }
}
