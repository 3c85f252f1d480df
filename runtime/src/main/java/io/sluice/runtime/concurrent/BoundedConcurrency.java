package io.sluice.runtime.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A task per item on virtual threads, a bounded number at a time: many small requests (an upload's
 * chunk objects described one by one) or many uploads at once (the benchmark), without one thread or
 * one round trip after the other.
 */
public final class BoundedConcurrency {

    @FunctionalInterface
    public interface Task<T, R> {
        R run(T item) throws Exception;
    }

    private BoundedConcurrency() {}

    /** The results in the items' order; the first failure cancels the tasks still to come and is thrown. */
    public static <T, R> List<R> map(List<T> items, int atOnce, Task<T, R> task) throws Exception {
        Semaphore slots = new Semaphore(atOnce);
        List<Future<R>> futures = new ArrayList<>(items.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                slots.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        return task.run(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    futures.forEach(pending -> pending.cancel(true));
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        }
    }
}
