package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule: "hashes are lowercase hex SHA-256"; anything else in a {@code sha256} field is a "missing or
 * invalid field → 400 {@code invalid_request}". Upper-case hex names the same hash and is accepted.
 */
public final class Sha256HexRule {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private Sha256HexRule() {}

    public static Optional<Violation> check(String field, String value) {
        if (value != null && value.length() == 64 && HEX_64.matcher(value).matches()) return Optional.empty();
        return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, field + " must be 64 hexadecimal digits (a SHA-256)")
                .with("field", field));
    }
}
