package io.sluice.session.topology;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.UploadLimitSettings;
import io.sluice.upload.UploadLimits;
import java.time.Duration;
import java.util.Set;

/**
 * The limits the session processor applies.
 *
 * @param limits the upload limits (the same settings the ingest API reads), applied to every
 *     request event whoever produced it; {@code parkedBytesMax} is the parking bound per upload
 * @param expiryCheckInterval how often the wall-clock punctuator looks for idle uploads and for ended
 *     uploads past their retention
 * @param endedRetention how long an ended upload is kept before it is forgotten
 * @param knownTenants the tenants of {@code SLUICE_AUTH_TOKENS} (the same value the ingest API
 *     reads): a request naming another tenant goes to the dead-letter topic. Empty means no tenant
 *     is configured, and then every tenant is accepted and the service warns at start-up: a
 *     deployment that does not pass the setting to the processor keeps processing every request,
 *     and the ingest API, which refuses every request when it has no tokens, still guards HTTP.
 */
public record SessionProcessorSettings(UploadLimits limits, Duration expiryCheckInterval, Duration endedRetention,
        Set<String> knownTenants) {

    public SessionProcessorSettings {
        knownTenants = Set.copyOf(knownTenants);
        if (endedRetention.isNegative() || endedRetention.isZero()) {
            throw new IllegalArgumentException("SLUICE_ENDED_RETENTION must be positive, was " + endedRetention);
        }
    }

    public static SessionProcessorSettings from(SluiceConfig config) {
        Duration ttl = config.getDuration(Setting.UPLOAD_TTL);
        Duration retention = config.getDuration(Setting.ENDED_RETENTION);
        Duration interval = (ttl.compareTo(retention) < 0 ? ttl : retention).dividedBy(10);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) interval = Duration.ofSeconds(1);
        if (interval.compareTo(Duration.ofSeconds(30)) > 0) interval = Duration.ofSeconds(30);
        return new SessionProcessorSettings(UploadLimitSettings.from(config), interval, retention,
                TenantNames.fromAuthTokens(config.get(Setting.AUTH_TOKENS)));
    }

    /** Bytes of chunks ahead of the hash frontier one upload may park. */
    public long parkedBytesLimit() {
        return limits.parkedBytesMax();
    }

    /** Whether requests naming {@code tenant} are processed. */
    public boolean isKnownTenant(String tenant) {
        return knownTenants.isEmpty() || (tenant != null && knownTenants.contains(tenant));
    }
}
