package io.sluice.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples, at a fixed period while {@link #during} runs a piece of work, every watched process's
 * resident set and every service's heap in use, keeping the peaks over all such work. A sample is
 * a moment: a peak between two samples is missed, and heap "in use" includes garbage not yet
 * collected, so it reads high under allocation.
 */
final class ResourceSampler implements AutoCloseable {

    static final String HEAP_USED = "sluice_jvm_heap_used_bytes";
    static final String HEAP_MAX = "sluice_jvm_heap_max_bytes";

    private final List<SampledProcess> processes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> heapPeaks = new ConcurrentHashMap<>();
    private final Map<String, Long> residentPeaks = new ConcurrentHashMap<>();
    private volatile boolean active;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-sampler").factory());

    private ResourceSampler(List<SampledProcess> processes) {
        this.processes = processes;
    }

    static ResourceSampler start(List<SampledProcess> processes, Duration period) {
        ResourceSampler sampler = new ResourceSampler(processes);
        sampler.schedule.scheduleAtFixedRate(sampler::sampleIfActive, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs the work with sampling on: its peaks count, not those of what runs between. */
    <T> T during(Work<T> work) throws Exception {
        active = true;
        try {
            return work.run();
        } finally {
            sample(); // the end state, in case the work was shorter than a period
            active = false;
        }
    }

    /** Peak heap in use per service, in bytes, in the order the processes were given. */
    Map<String, Long> heapPeaks() {
        return ordered(heapPeaks);
    }

    /** Peak resident set per process, in bytes. */
    Map<String, Long> residentPeaks() {
        return ordered(residentPeaks);
    }

    /** Each service's maximum heap (its {@code -Xmx}), read once. */
    Map<String, Long> heapMaxima() throws InterruptedException {
        Map<String, Long> maxima = new LinkedHashMap<>();
        for (SampledProcess process : processes) {
            OptionalLong max = process.gauge(http, HEAP_MAX);
            if (max.isPresent()) maxima.put(process.name(), max.getAsLong());
        }
        return maxima;
    }

    private void sampleIfActive() {
        if (active) sample();
    }

    private synchronized void sample() {
        for (SampledProcess process : processes) {
            process.residentBytes().ifPresent(bytes -> residentPeaks.merge(process.name(), bytes, Math::max));
            try {
                process.gauge(http, HEAP_USED).ifPresent(bytes -> heapPeaks.merge(process.name(), bytes, Math::max));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, Long> ordered(Map<String, Long> peaks) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (SampledProcess process : processes) {
            Long peak = peaks.get(process.name());
            if (peak != null) ordered.put(process.name(), peak);
        }
        return ordered;
    }

    /** Stops sampling; the peaks stay readable. */
    @Override
    public void close() {
        schedule.shutdownNow(); // a scrape under way is interrupted; its thread is a daemon
    }
}
