package io.sluice.bench;

import io.sluice.runtime.concurrent.BoundedConcurrency;
import java.util.List;

/** Runs a task per item on virtual threads, at most {@code concurrency} at a time ({@link BoundedConcurrency}). */
final class Concurrently {

    private Concurrently() {}

    /** The results in the items' order; the first failure fails the whole run. */
    static <T, R> List<R> map(List<T> items, int concurrency, BoundedConcurrency.Task<T, R> task)
            throws InterruptedException {
        try {
            return BoundedConcurrency.map(items, concurrency, task);
        } catch (BenchFailure | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new BenchFailure(e.toString(), e);
        }
    }
}
