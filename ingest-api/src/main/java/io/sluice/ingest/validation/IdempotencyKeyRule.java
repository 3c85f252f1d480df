package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;

/**
 * SPEC.md, bad input: "missing or invalid field → 400 {@code invalid_request}", for
 * {@code idempotencyKey}: 1 to 255 characters, no control characters.
 */
public final class IdempotencyKeyRule {

    public static final int MAX_LENGTH = 255;

    private IdempotencyKeyRule() {}

    public static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_LENGTH || key.codePoints().anyMatch(Character::isISOControl)) {
            throw new ApiException(ProblemCode.INVALID_REQUEST,
                    "idempotencyKey must be 1 to " + MAX_LENGTH + " characters without control characters")
                    .with("field", "idempotencyKey");
        }
    }
}
