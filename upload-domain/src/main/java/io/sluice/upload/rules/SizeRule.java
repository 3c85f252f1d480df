package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rules: "size ≤ 0 → 400 {@code invalid_size}" and "size beyond the configured maximum → 413
 * {@code upload_too_large}".
 */
public final class SizeRule {

    private SizeRule() {}

    public static Optional<Violation> check(long size, long maxUploadSize) {
        if (size <= 0) {
            return Optional.of(Violation.of(RuleCode.INVALID_SIZE, "size must be at least 1 byte").with("size", size));
        }
        if (size > maxUploadSize) {
            return Optional.of(Violation.of(RuleCode.UPLOAD_TOO_LARGE, "size must be at most " + maxUploadSize + " bytes")
                    .with("size", size).with("maximum", maxUploadSize));
        }
        return Optional.empty();
    }
}
