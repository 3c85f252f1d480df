package io.sluice.upload.rules;

import io.sluice.upload.IdFormat;
import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Rule: "derivative roles: {@code display}, {@code thumbnail}, {@code placeholder}", and a
 * derivative names its original by asset id; anything else is a "missing or invalid field → 400
 * {@code invalid_request}". (That the original is the caller's needs the index, so the API checks
 * it; a derivative of another tenant's asset is never listed under it.)
 */
public final class DerivativeRule {

    public static final List<String> ROLES = List.of("display", "thumbnail", "placeholder");

    private DerivativeRule() {}

    public static Optional<Violation> check(String assetId, String role) {
        if (!IdFormat.isAssetId(assetId)) {
            return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, "derivativeOf.assetId is not an asset id")
                    .with("field", "derivativeOf.assetId"));
        }
        if (role == null || !ROLES.contains(role)) {
            return Optional.of(Violation.of(RuleCode.INVALID_REQUEST,
                    "derivativeOf.role must be display, thumbnail or placeholder").with("field", "derivativeOf.role"));
        }
        return Optional.empty();
    }
}
