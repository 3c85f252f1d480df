package io.sluice.runtime.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Renames the few meters of Micrometer's binders whose Prometheus names {@code promtool check
 * metrics} refuses: a gauge or counter ending in {@code _count}, {@code _sum} or {@code _bucket}
 * (suffixes Prometheus keeps for histograms and summaries) becomes {@code …_number}, {@code …_amount}
 * or {@code …_bucket_number}; a meter without a description gets one naming it. Meters measured in nanoseconds, microseconds or milliseconds by name
 * (Kafka's {@code io-time-ns-avg}, the binder's {@code process.cpu.time}) are left out: Prometheus
 * wants seconds, and a filter can rename but not rescale; {@link Metrics} serves the standard
 * {@code process_cpu_seconds_total} instead of the binder's CPU time.
 */
final class PromtoolNames {

    private static final java.util.Set<String> SUB_SECOND_UNITS = java.util.Set.of("ns", "us", "ms");

    static final MeterFilter DENY = MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
            || java.util.Arrays.stream(id.getName().split("[._-]")).anyMatch(SUB_SECOND_UNITS::contains));

    static final MeterFilter FILTER = new MeterFilter() {
        @Override
        public Meter.Id map(Meter.Id id) {
            // Prometheus wants a help text on every metric; some of Kafka's have no description.
            Meter.Id mapped = id.getDescription() == null || id.getDescription().isBlank()
                    ? new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                            id.getName().replace('.', ' ') + " (no description given)", id.getType())
                    : id;
            if (mapped.getType() == Meter.Type.TIMER || mapped.getType() == Meter.Type.DISTRIBUTION_SUMMARY
                    || mapped.getType() == Meter.Type.LONG_TASK_TIMER) {
                return mapped;
            }
            String name = mapped.getName();
            for (String[] suffix : RESERVED) {
                if (name.endsWith("." + suffix[0]) || name.endsWith("_" + suffix[0])) {
                    return mapped.withName(name + "." + suffix[1]);
                }
            }
            return mapped;
        }
    };

    /** Each reserved suffix and what is appended to a name that ends in it. */
    private static final String[][] RESERVED = {{"count", "number"}, {"sum", "amount"}, {"bucket", "number"}};

    private PromtoolNames() {}
}
