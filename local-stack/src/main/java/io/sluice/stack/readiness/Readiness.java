package io.sluice.stack.readiness;

import io.sluice.stack.process.ProcessLiveness;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Polls a probe until it reports ready, the process exits, or the deadline passes. Between checks
 * it waits on the process's exit, so a component that dies during start-up is reported at once
 * rather than when the deadline runs out.
 */
public final class Readiness {

    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private Readiness() {}

    /** The process died before it became ready. */
    public static final class ExitedBeforeReady extends RuntimeException {
        public ExitedBeforeReady(String message) {
            super(message);
        }
    }

    /** The deadline passed first. */
    public static final class NotReadyInTime extends RuntimeException {
        public NotReadyInTime(String message) {
            super(message);
        }
    }

    /**
     * Waits for {@code probe}; {@code process} (if given) is watched for an early exit.
     *
     * @return how long it took
     */
    public static Duration await(String what, ReadinessProbe probe, Optional<ProcessHandle> process, Duration deadline)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant end = start.plus(deadline);
        while (true) {
            ProbeResult result = probe.check();
            if (result.ready()) return Duration.between(start, Instant.now());
            if (process.isPresent() && !ProcessLiveness.isRunning(process.get())) {
                throw new ExitedBeforeReady(what + " exited before it was ready");
            }
            if (Instant.now().isAfter(end)) {
                throw new NotReadyInTime(what + " not ready after " + deadline.toSeconds() + " s: " + result.detail());
            }
            pause(process);
        }
    }

    private static void pause(Optional<ProcessHandle> process) throws InterruptedException {
        if (process.isEmpty()) {
            Thread.sleep(POLL_INTERVAL); // only a poll interval: the loop above owns the deadline
            return;
        }
        try {
            process.get().onExit().get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // the normal case: still starting, check again
        } catch (ExecutionException e) {
            throw new IllegalStateException("Watching process " + process.get().pid() + " failed", e.getCause());
        }
    }
}
