package io.sluice.blob.consume;

import java.time.Duration;

/** Bounded exponential backoff: the pause before attempt n+1 after n consecutive failures. */
public record RetryBackoff(Duration initial, Duration max) {

    /** From 200 ms, doubling, to 10 s: a blip costs little, an outage costs few requests. */
    public static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
    }

    /** @param failures consecutive failures so far, at least 1 */
    public Duration delayAfter(int failures) {
        if (failures < 1) throw new IllegalArgumentException("failures must be at least 1");
        int doublings = Math.min(failures - 1, 30); // 2^30 × any sane initial is past any sane max
        long millis = initial.toMillis() << doublings;
        return millis >= max.toMillis() || millis < 0 ? max : Duration.ofMillis(millis);
    }
}
