package io.sluice.session.topology;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tenants named in {@code SLUICE_AUTH_TOKENS} ({@code tenant=sha256:<hex of the token>},
 * comma-separated): the tenants that exist. The session processor needs only the names; the ingest
 * API checks the tokens.
 */
final class TenantNames {

    /** The alphabet the ingest API accepts for a tenant (tenants name object keys). */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private TenantNames() {}

    /**
     * The tenant names in the setting's value; empty when it names none.
     *
     * @throws IllegalArgumentException naming the position of an entry without a valid tenant
     *     (never its value: the setting is secret)
     */
    static Set<String> fromAuthTokens(String setting) {
        Set<String> tenants = new LinkedHashSet<>();
        String[] entries = setting.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) continue;
            int equals = entry.indexOf('=');
            String tenant = equals < 0 ? "" : entry.substring(0, equals).trim();
            if (!TENANT.matcher(tenant).matches()) {
                throw new IllegalArgumentException("SLUICE_AUTH_TOKENS entry " + (i + 1)
                        + " does not start with tenant= (tenant: letters, digits, '.', '_', '-')");
            }
            tenants.add(tenant);
        }
        return Set.copyOf(tenants);
    }
}
