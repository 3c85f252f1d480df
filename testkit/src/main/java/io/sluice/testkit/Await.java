package io.sluice.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Polls a condition until it holds or a deadline passes. Use it to wait for state, never a fixed
 * sleep. An exception thrown by the condition counts as "not yet" (a server that is still starting
 * refuses connections); the last one becomes the cause of the timeout error.
 */
public final class Await {

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Await() {
    }

    /**
     * Returns once {@code condition} returns true.
     *
     * @param what what is awaited, for the error message, e.g. "topic orders to have leaders"
     * @throws IllegalStateException on timeout or interruption
     */
    public static void until(Duration timeout, Callable<Boolean> condition, String what) {
        until(timeout, condition, Boolean.TRUE::equals, what);
    }

    /**
     * Returns the first value of {@code supplier} that {@code accept} accepts.
     *
     * @throws IllegalStateException on timeout or interruption; names the last value seen
     */
    public static <T> T until(Duration timeout, Callable<T> supplier, Predicate<? super T> accept, String what) {
        Objects.requireNonNull(what, "what");
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        Exception lastFailure = null;
        T lastValue = null;
        while (true) {
            try {
                lastValue = supplier.call();
                lastFailure = null;
                if (accept.test(lastValue)) {
                    return lastValue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                String message = "Timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + (lastFailure == null ? "; last value: " + lastValue : "; last failure: " + lastFailure);
                throw new IllegalStateException(message, lastFailure);
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
