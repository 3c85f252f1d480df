package io.sluice.schemas.keys;

import java.time.Duration;
import java.util.Locale;

/**
 * The key of a tenant's figures for one minute on the dashboard minute topic and in the index
 * projector's store behind it: {@code <tenant>/<minute of the UTC day, four digits>}. A day has
 * 1,440 minutes, so a tenant has at most 1,440 keys: a minute's figures replace those of the same
 * minute a day earlier, and the topic, the store and every view of it keep 24 hours per tenant
 * without a clean-up of their own.
 */
public final class MinuteKeys {

    public static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    public static final int MINUTES_PER_DAY = 1_440;

    private MinuteKeys() {}

    /** The start of the minute {@code timestamp} falls in. */
    public static long minuteStart(long timestamp) {
        return Math.floorDiv(timestamp, MINUTE_MILLIS) * MINUTE_MILLIS;
    }

    public static String key(String tenant, long timestamp) {
        long minuteOfDay = Math.floorMod(Math.floorDiv(timestamp, MINUTE_MILLIS), (long) MINUTES_PER_DAY);
        return String.format(Locale.ROOT, "%s/%04d", tenant, minuteOfDay);
    }
}
