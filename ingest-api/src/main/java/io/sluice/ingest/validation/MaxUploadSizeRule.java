package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;

/** SPEC.md, bad input: "size beyond the configured maximum → 413 {@code upload_too_large}" ({@code SLUICE_MAX_UPLOAD_SIZE}). */
public final class MaxUploadSizeRule {

    private final long maxUploadSize;

    public MaxUploadSizeRule(long maxUploadSize) {
        this.maxUploadSize = maxUploadSize;
    }

    public void check(long size) {
        if (size > maxUploadSize) {
            throw new ApiException(ProblemCode.UPLOAD_TOO_LARGE, "size must be at most " + maxUploadSize + " bytes")
                    .with("size", size).with("maximum", maxUploadSize);
        }
    }
}
