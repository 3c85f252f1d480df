package io.sluice.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of latencies measured in nanoseconds, reported in milliseconds. */
record Percentiles(double p50, double p95, double p99, double max, int count) {

    static Percentiles ofNanos(Collection<Long> nanos) {
        if (nanos.isEmpty()) throw new IllegalArgumentException("no latencies measured");
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(millis(rank(sorted, 50)), millis(rank(sorted, 95)), millis(rank(sorted, 99)),
                millis(sorted[sorted.length - 1]), sorted.length);
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
