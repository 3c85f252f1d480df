package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: a finish states the whole file's size, a number of bytes (0 or more), and its SHA-256 (64 hex
 * digits) or no hash at all — then the hash declared at opening, if any, is the one checked, and the
 * hash Sluice computed is the upload's (a tus client sends none). Anything else is a "missing or invalid
 * field → 400 {@code invalid_request}" and leaves the upload as it was. (A well-formed size or hash that
 * is not the file's fails the upload: {@code size_mismatch}, {@code checksum_mismatch}.)
 */
public final class FinishRule {

    private FinishRule() {}

    /** @param sha256 the stated hash, or null when the finish leaves it to Sluice */
    public static Optional<Violation> check(long size, String sha256) {
        Optional<Violation> hash = sha256 == null ? Optional.empty() : Sha256HexRule.check("sha256", sha256);
        if (hash.isPresent()) return hash;
        if (size < 0) {
            return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, "size must not be negative").with("field", "size"));
        }
        return Optional.empty();
    }
}
