package io.sluice.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.events.FinishedUpload;
import io.sluice.events.RecentUploads;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadStateCounts;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.Readiness;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The dashboard figures the index projector publishes — counts by state, per-minute activity and
 * recent finished uploads, each a compacted topic keyed by tenant (minutes: by tenant and minute of
 * the day) — on disk like the other views ({@link CompactedTopicView}). Every figure is read for
 * one tenant or for all ({@code tenant} empty); what a scan visits is bounded by the number of
 * tenants (one record each; 1,440 minutes each), never by uploads.
 *
 * <p>A change counter, moved after any of the three views applied a batch, lets live readers (the
 * API's event stream) wait for the next change instead of polling.
 */
public final class DashboardView implements AutoCloseable {

    /** One finished upload of the recent list, with its tenant. */
    public record RecentUpload(String tenant, FinishedUpload upload) {}

    /** What {@link #awaitChange} returns once the view is closed. */
    public static final long CLOSED = -1;

    private final CompactedTopicView<UploadStateCounts> states;
    private final CompactedTopicView<TenantMinute> minutes;
    private final CompactedTopicView<RecentUploads> recent;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long version;
    private volatile boolean closed;

    private DashboardView(CompactedTopicView<UploadStateCounts> states, CompactedTopicView<TenantMinute> minutes,
            CompactedTopicView<RecentUploads> recent) {
        this.states = states;
        this.minutes = minutes;
        this.recent = recent;
        states.onChange(this::signal);
        minutes.onChange(this::signal);
        recent.onChange(this::signal);
    }

    /** Opens the three views under {@code directory} and starts their consumers; returns at once. */
    public static DashboardView start(SluiceConfig config, SchemaRegistry registry, Path directory) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            CompactedTopicView<UploadStateCounts> states = CompactedTopicView.start(config,
                    Topics.DASHBOARD_UPLOAD_STATES, registry, directory.resolve("upload-states"), null);
            opened.add(states);
            CompactedTopicView<TenantMinute> minutes = CompactedTopicView.start(config, Topics.DASHBOARD_MINUTES,
                    registry, directory.resolve("minutes"), null);
            opened.add(minutes);
            CompactedTopicView<RecentUploads> recent = CompactedTopicView.start(config, Topics.DASHBOARD_RECENT,
                    registry, directory.resolve("recent"), null);
            return new DashboardView(states, minutes, recent);
        } catch (RuntimeException | Error e) {
            opened.forEach(DashboardView::closeQuietly);
            throw e;
        }
    }

    /** Counts by state of the tenant, or of every tenant (in tenant order). */
    public List<UploadStateCounts> uploadStates(Optional<String> tenant) {
        List<UploadStateCounts> found = new ArrayList<>();
        if (tenant.isPresent()) {
            states.get(tenant.get()).ifPresent(found::add);
        } else {
            states.forEach("", (key, counts) -> found.add(counts));
        }
        return found;
    }

    /** The tenant's (or every tenant's) minutes that start at or after {@code from}, oldest first. */
    public List<TenantMinute> minutes(Optional<String> tenant, Instant from) {
        List<TenantMinute> found = new ArrayList<>();
        minutes.forEach(tenant.map(t -> t + "/").orElse(""), (key, minute) -> {
            if (!minute.getMinuteStart().isBefore(from) && tenant.map(minute.getTenant()::equals).orElse(true)) {
                found.add(minute);
            }
            return true;
        });
        found.sort(Comparator.comparing(TenantMinute::getMinuteStart).thenComparing(TenantMinute::getTenant));
        return found;
    }

    /** The most recently finished uploads of the tenant (or of all), newest first, at most {@code limit}. */
    public List<RecentUpload> recentUploads(Optional<String> tenant, int limit) {
        List<RecentUpload> found = new ArrayList<>();
        if (tenant.isPresent()) {
            recent.get(tenant.get()).ifPresent(list -> addAll(found, list));
        } else {
            recent.forEach("", (key, list) -> {
                addAll(found, list);
                return true;
            });
        }
        found.sort(Comparator.comparing((RecentUpload r) -> r.upload().getFinishedAt()).reversed()
                .thenComparing(r -> r.upload().getUploadId()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** Moves each time any of the figures changed. */
    public long version() {
        lock.lock();
        try {
            return version;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until the figures changed after {@code seen} (a {@link #version()}) or the timeout passed.
     *
     * @return the version now; {@link #CLOSED} once the view is closed
     */
    public long awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (version == seen && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                changed.awaitNanos(left);
            }
            return closed ? CLOSED : version;
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until every record committed to the three topics before the call is applied; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompactedTopicView<?> view : List.of(states, minutes, recent)) {
            if (!view.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) return false;
        }
        return true;
    }

    /** Ready once each of the three views has loaded its topic. */
    public Readiness readiness() {
        for (CompactedTopicView<?> view : List.of(states, minutes, recent)) {
            Readiness readiness = view.readiness();
            if (!readiness.isReady()) return Readiness.notReady(view.topic() + ": " + readiness.detail());
        }
        return Readiness.ready();
    }

    /** The views' consumers' own metrics on {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        for (CompactedTopicView<?> view : List.of(states, minutes, recent)) view.bindMetrics(registry);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(recent);
        closeQuietly(minutes);
        closeQuietly(states);
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void addAll(List<RecentUpload> found, RecentUploads list) {
        list.getUploads().forEach(upload -> found.add(new RecentUpload(list.getTenant(), upload)));
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(DashboardView.class).warn("Closing a dashboard view failed", e);
        }
    }
}
