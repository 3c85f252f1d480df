package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;

/** SPEC.md, bad input: "size ≤ 0 → 400 {@code invalid_size}". */
public final class PositiveSizeRule {

    private PositiveSizeRule() {}

    public static void check(long size) {
        if (size <= 0) {
            throw new ApiException(ProblemCode.INVALID_SIZE, "size must be at least 1 byte").with("size", size);
        }
    }
}
