package io.sluice.session.topology;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import java.time.Duration;

/**
 * The limits the session processor applies.
 *
 * @param parkedBytesLimit bytes of chunks ahead of the hash frontier one upload may park
 * @param expiryCheckInterval how often the wall-clock punctuator looks for idle uploads
 */
public record SessionProcessorSettings(long parkedBytesLimit, Duration expiryCheckInterval) {

    public static SessionProcessorSettings from(SluiceConfig config) {
        Duration ttl = config.getDuration(Setting.UPLOAD_TTL);
        Duration interval = ttl.dividedBy(10);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) interval = Duration.ofSeconds(1);
        if (interval.compareTo(Duration.ofSeconds(30)) > 0) interval = Duration.ofSeconds(30);
        return new SessionProcessorSettings(config.getLong(Setting.PARKED_BYTES_MAX), interval);
    }
}
