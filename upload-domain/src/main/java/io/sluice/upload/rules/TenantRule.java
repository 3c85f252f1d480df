package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule: a tenant is named by 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}. Tenants
 * name object keys, so the alphabet is one that is safe in a key. (Which tenants exist is a matter
 * of configuration: a request naming another one is set aside, not decided.)
 */
public final class TenantRule {

    public static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private TenantRule() {}

    public static boolean isValid(String tenant) {
        return tenant != null && tenant.length() <= 64 && TENANT.matcher(tenant).matches();
    }

    public static Optional<Violation> check(String tenant) {
        if (isValid(tenant)) return Optional.empty();
        return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, "tenant must be 1 to 64 letters, digits, '.', '_' or '-'")
                .with("field", "tenant"));
    }
}
