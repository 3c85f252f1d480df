package io.sluice.runtime.config;

import io.sluice.upload.rules.TenantRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The grammar of {@code SLUICE_AUTH_TOKENS}: comma-separated {@code tenant=credential} entries
 * ({@code credential} being {@code sha256:<hex of the token>}), blank entries ignored. One reading
 * for the ingest API, which checks the credentials, and the session processor, which needs only the
 * tenant names; each validates what it uses and reports an entry by its position, never its value
 * (the setting is secret).
 */
public final class AuthTokenEntries {

    /** The alphabet of a tenant name (tenants name object keys). */
    public static final Pattern TENANT = TenantRule.TENANT;

    /** One non-blank entry, as written: {@code tenant} and {@code credential} are empty when there is no '='. */
    public record Entry(int position, String tenant, String credential) {

        public boolean hasValidTenant() {
            return TENANT.matcher(tenant).matches();
        }
    }

    private AuthTokenEntries() {}

    public static List<Entry> of(String setting) {
        List<Entry> entries = new ArrayList<>();
        String[] parts = setting.split(",");
        for (int i = 0; i < parts.length; i++) {
            String entry = parts[i].trim();
            if (entry.isEmpty()) continue;
            int equals = entry.indexOf('=');
            entries.add(equals < 0 ? new Entry(i + 1, "", "")
                    : new Entry(i + 1, entry.substring(0, equals).trim(), entry.substring(equals + 1).trim()));
        }
        return entries;
    }
}
