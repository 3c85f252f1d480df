package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.regex.Pattern;

/**
 * SPEC.md, bad input: "chunk index &lt; 0 or ≥ chunkCount → 400 {@code chunk_index_out_of_range}".
 * An index that is not a decimal integer at all is an {@code invalid_request}.
 */
public final class ChunkIndexRule {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private ChunkIndexRule() {}

    /** The index named by the path segment, checked against the upload's chunk count. */
    public static int check(String segment, int chunkCount) {
        if (!INTEGER.matcher(segment).matches()) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the chunk index must be a decimal integer");
        }
        long index;
        try {
            index = Long.parseLong(segment);
        } catch (NumberFormatException e) { // 19 digits can still pass Long.MAX_VALUE
            index = Long.MAX_VALUE;
        }
        if (index < 0 || index >= chunkCount) {
            throw new ApiException(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE,
                    "the chunk index must be in [0, " + chunkCount + ")").with("chunkCount", chunkCount);
        }
        return (int) index;
    }
}
