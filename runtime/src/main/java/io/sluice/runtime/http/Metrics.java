package io.sluice.runtime.http;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleSupplier;

/**
 * Gauges in the Prometheus text format. Each component registers what it measures; the JVM's
 * heap and uptime are always there. Deliberately tiny: a metrics library can replace it when the
 * dashboards need histograms.
 */
public final class Metrics {

    private final String component;
    private final Map<String, Gauge> gauges = new ConcurrentSkipListMap<>();

    private record Gauge(String help, DoubleSupplier value) {}

    public Metrics(String component) {
        this.component = component;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        gauge("jvm_heap_used_bytes", "Heap in use.", () -> memory.getHeapMemoryUsage().getUsed());
        gauge("jvm_heap_max_bytes", "Maximum heap.", () -> memory.getHeapMemoryUsage().getMax());
        gauge("process_uptime_seconds", "Time since the JVM started.",
                () -> ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    /** Registers (or replaces) a gauge named {@code sluice_<name>}. */
    public Metrics gauge(String name, String help, DoubleSupplier value) {
        gauges.put("sluice_" + name, new Gauge(help, value));
        return this;
    }

    public String scrape() {
        StringBuilder out = new StringBuilder();
        gauges.forEach((name, gauge) -> out.append("# HELP ").append(name).append(' ').append(gauge.help())
                .append("\n# TYPE ").append(name).append(" gauge\n")
                .append(name).append("{component=\"").append(component).append("\"} ")
                .append(gauge.value().getAsDouble()).append('\n'));
        return out.toString();
    }
}
