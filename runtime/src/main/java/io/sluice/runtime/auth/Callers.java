package io.sluice.runtime.auth;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;

/**
 * The tokens a component knows: tenants' ({@code SLUICE_AUTH_TOKENS}) and operators'
 * ({@code SLUICE_OPERATOR_TOKENS}). A token configured as both is a configuration error: the two
 * kinds are kept apart so that an operator token never reads a tenant's data and the other way round.
 */
public final class Callers {

    private final HashedTokens tenants;
    private final HashedTokens operators;

    public Callers(HashedTokens tenants, HashedTokens operators) {
        if (tenants.sharesATokenWith(operators)) {
            throw new IllegalArgumentException(Setting.AUTH_TOKENS.env() + " and " + Setting.OPERATOR_TOKENS.env()
                    + " name the same token; a token is either a tenant's or an operator's");
        }
        this.tenants = tenants;
        this.operators = operators;
    }

    public static Callers from(SluiceConfig config) {
        return new Callers(HashedTokens.parse(Setting.AUTH_TOKENS, config.get(Setting.AUTH_TOKENS)),
                HashedTokens.parse(Setting.OPERATOR_TOKENS, config.get(Setting.OPERATOR_TOKENS)));
    }

    /** The caller an {@code Authorization} header value names. */
    public Caller identify(String authorization) {
        var tenant = tenants.holderOf(authorization);
        if (tenant.isPresent()) return new Caller.Tenant(tenant.get());
        var operator = operators.holderOf(authorization);
        if (operator.isPresent()) return new Caller.Operator(operator.get());
        return new Caller.Anonymous();
    }

    public HashedTokens tenants() {
        return tenants;
    }

    public HashedTokens operators() {
        return operators;
    }
}
