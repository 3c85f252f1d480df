package io.sluice.runtime.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a service's dependencies in the background and keeps the latest answer, so a readiness
 * probe answers at once instead of making network calls on every scrape.
 */
public final class DependencyWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DependencyWatch.class);

    private final List<DependencyProbe> probes;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("dependency-watch").factory());
    private volatile Readiness latest = Readiness.notReady("dependencies not checked yet");

    public DependencyWatch(List<DependencyProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    public DependencyWatch start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    public Readiness readiness() {
        return latest;
    }

    private void checkAll() {
        Readiness result = Readiness.ready();
        for (DependencyProbe probe : probes) {
            try {
                probe.check();
            } catch (Exception e) {
                result = Readiness.notReady(probe.name() + " unreachable: " + e.getMessage());
                break;
            }
        }
        if (result.isReady() != latest.isReady()) log.info("Dependencies: {}", result.detail());
        latest = result;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
