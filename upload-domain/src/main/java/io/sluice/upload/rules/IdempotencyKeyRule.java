package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: "missing or invalid field → 400 {@code invalid_request}", for {@code idempotencyKey}: 1 to
 * 255 characters, no control characters.
 */
public final class IdempotencyKeyRule {

    public static final int MAX_LENGTH = 255;

    private IdempotencyKeyRule() {}

    public static Optional<Violation> check(String key) {
        if (key != null && !key.isEmpty() && key.length() <= MAX_LENGTH
                && key.codePoints().noneMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(RuleCode.INVALID_REQUEST,
                "idempotencyKey must be 1 to " + MAX_LENGTH + " characters without control characters")
                .with("field", "idempotencyKey"));
    }
}
