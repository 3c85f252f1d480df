package io.sluice.runtime.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * A component's metrics: Micrometer's Prometheus registry, every meter tagged with the component,
 * with the JVM's and the process's own meters bound, served as Prometheus text on {@code /metrics}.
 * Components register what they measure by name; Sluice's own meters are named {@code sluice_<name>}
 * (counters get Prometheus's {@code _total}, timers {@code _seconds}).
 */
public final class Metrics {

    /** The text format {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public Metrics(String component) {
        registry.config().commonTags("component", component).meterFilter(PromtoolNames.DENY)
                .meterFilter(PromtoolNames.FILTER);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry); // listens to GC notifications for the life of the process
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            FunctionCounter.builder("process.cpu.seconds", os, bean -> bean.getProcessCpuTime() / 1e9)
                    .description("CPU time the process has used.").register(registry);
        }
        // The heap as one figure (the JVM binder reports it per memory pool): what benchmarks read.
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        gauge("jvm_heap_used_bytes", "Heap in use.", () -> memory.getHeapMemoryUsage().getUsed());
        gauge("jvm_heap_max_bytes", "Maximum heap.", () -> memory.getHeapMemoryUsage().getMax());
    }

    /** The registry, for binders (Kafka clients, Streams) and meters with tags. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Registers a gauge named {@code sluice_<name>}: a value that goes up and down. */
    public Metrics gauge(String name, String help, DoubleSupplier value) {
        Gauge.builder("sluice_" + name, () -> value.getAsDouble()).description(help).register(registry);
        return this;
    }

    /** A counter named {@code sluice_<name>_total}; {@code tags} as name, value pairs. */
    public Counter counter(String name, String help, String... tags) {
        return Counter.builder("sluice_" + name).description(help).tags(Tags.of(tags)).register(registry);
    }

    /**
     * A counter named {@code sluice_<name>_total} whose value is read from {@code source} (a count
     * kept elsewhere, which only grows).
     */
    public <T> Metrics functionCounter(String name, String help, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder("sluice_" + name, source, count).description(help).register(registry);
        return this;
    }

    /** A timer named {@code sluice_<name>_seconds} with a histogram, for latencies. */
    public Timer timer(String name, String help, String... tags) {
        return latency(name, help).tags(Tags.of(tags)).register(registry);
    }

    /**
     * A latency timer named {@code sluice_<name>_seconds}, with the histogram every Sluice latency has
     * (1 ms to 2 min), to be tagged and registered by the caller.
     */
    public static Timer.Builder latency(String name, String help) {
        return Timer.builder("sluice_" + name).description(help).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2));
    }

    public String scrape() {
        return registry.scrape();
    }

    /**
     * Only the named metrics (Prometheus names, e.g. {@code sluice_jvm_heap_used_bytes}); all of them
     * when {@code names} is empty. A full scrape of a Streams app renders every task's and store's
     * metrics; a frequent reader of one gauge asks for it alone.
     */
    public String scrape(Set<String> names) {
        return names.isEmpty() ? registry.scrape() : registry.scrape(TEXT_FORMAT, names);
    }
}
