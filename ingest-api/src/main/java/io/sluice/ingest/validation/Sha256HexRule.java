package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SPEC.md: "hashes are lowercase hex SHA-256"; anything else in a {@code sha256} field is a
 * "missing or invalid field → 400 {@code invalid_request}". Upper-case hex is accepted and
 * lower-cased, since it names the same hash.
 */
public final class Sha256HexRule {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private Sha256HexRule() {}

    /** The hash in lower case. */
    public static String check(String field, String value) {
        if (!HEX_64.matcher(value).matches()) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, field + " must be 64 hexadecimal digits (a SHA-256)")
                    .with("field", field);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
