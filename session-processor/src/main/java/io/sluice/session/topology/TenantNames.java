package io.sluice.session.topology;

import io.sluice.runtime.config.AuthTokenEntries;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tenants named in {@code SLUICE_AUTH_TOKENS} ({@code tenant=sha256:<hex of the token>},
 * comma-separated): the tenants that exist. The session processor needs only the names; the ingest
 * API checks the tokens.
 */
final class TenantNames {

    private TenantNames() {}

    /**
     * The tenant names in the setting's value; empty when it names none.
     *
     * @throws IllegalArgumentException naming the position of an entry without a valid tenant
     *     (never its value: the setting is secret)
     */
    static Set<String> fromAuthTokens(String setting) {
        Set<String> tenants = new LinkedHashSet<>();
        for (AuthTokenEntries.Entry entry : AuthTokenEntries.of(setting)) {
            if (!entry.hasValidTenant()) {
                throw new IllegalArgumentException("SLUICE_AUTH_TOKENS entry " + entry.position()
                        + " does not start with tenant= (tenant: letters, digits, '.', '_', '-')");
            }
            tenants.add(entry.tenant());
        }
        return Set.copyOf(tenants);
    }
}
