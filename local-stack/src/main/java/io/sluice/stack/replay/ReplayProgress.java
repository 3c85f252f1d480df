package io.sluice.stack.replay;

import io.sluice.stack.StackFailure;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows a replaying Streams app through its committed offsets until it has reached the end its
 * inputs had when the replay began, printing how far it is about once a second, then the totals.
 */
public final class ReplayProgress {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Admin admin;
    private final String groupId;
    private final InputOffsets target;
    private final PrintStream out;

    public ReplayProgress(Admin admin, String groupId, InputOffsets target, PrintStream out) {
        this.admin = admin;
        this.groupId = groupId;
        this.target = target;
        this.out = out;
    }

    /**
     * @param startNanos when the app was started
     * @param readyNanos when it was ready (its start-up, a fixed cost, is not part of the rates)
     * @param running whether the app's processes still run; the replay fails if they stop
     * @param bytes what the inputs held when the replay began, for the totals
     * @return how long the app took to catch up once ready
     */
    public Duration await(long startNanos, long readyNanos, BooleanSupplier running, long bytes)
            throws ExecutionException, InterruptedException {
        long total = target.total();
        long lastPrinted = -1;
        while (true) {
            Map<TopicPartition, Long> committed = CommittedOffsets.of(admin, groupId);
            long done = target.consumed(committed);
            boolean reached = target.reached(committed);
            if (done != lastPrinted || reached) {
                out.printf("  replayed %,d of %,d records (%.0f%%)%n", done, total, total == 0 ? 100.0 : 100.0 * done / total);
                lastPrinted = done;
            }
            if (reached) break;
            if (!running.getAsBoolean()) throw new StackFailure(groupId + " stopped during the replay");
            Thread.sleep(INTERVAL.toMillis()); // a progress report's period, not a readiness wait
        }
        long now = System.nanoTime();
        Duration processing = Duration.ofNanos(now - readyNanos);
        out.println(summary(total, bytes, Duration.ofNanos(now - startNanos), processing));
        return processing;
    }

    static String summary(long records, long bytes, Duration sinceStart, Duration sinceReady) {
        double seconds = Math.max(sinceReady.toMillis(), 1) / 1000.0;
        double mib = bytes / (1024.0 * 1024.0);
        return String.format("  caught up: %,d records (%.1f MiB) in %.1f s after the start, %.1f s after ready:"
                + " %,.0f records/s, %.1f MiB/s", records, mib, sinceStart.toMillis() / 1000.0, seconds,
                records / seconds, mib / seconds);
    }
}
