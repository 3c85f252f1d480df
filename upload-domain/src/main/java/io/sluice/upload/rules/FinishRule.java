package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: a finish states the whole file's SHA-256 (64 hex digits) and its size, a number of bytes
 * (0 or more); anything else is a "missing or invalid field → 400 {@code invalid_request}" and
 * leaves the upload as it was. (A well-formed size or hash that is not the file's fails the upload:
 * {@code size_mismatch}, {@code checksum_mismatch}.)
 */
public final class FinishRule {

    private FinishRule() {}

    public static Optional<Violation> check(long size, String sha256) {
        Optional<Violation> hash = Sha256HexRule.check("sha256", sha256);
        if (hash.isPresent()) return hash;
        if (size < 0) {
            return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, "size must not be negative").with("field", "size"));
        }
        return Optional.empty();
    }
}
