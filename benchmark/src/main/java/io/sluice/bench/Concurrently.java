package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Runs a task per item on virtual threads, at most {@code concurrency} at a time. */
final class Concurrently {

    @FunctionalInterface
    interface Task<T, R> {
        R run(T item) throws Exception;
    }

    private Concurrently() {}

    /** The results in the items' order; the first failure fails the whole run. */
    static <T, R> List<R> map(List<T> items, int concurrency, Task<T, R> task) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>();
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
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) results.add(result(future));
            return results;
        }
    }

    private static <R> R result(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BenchFailure failure) throw failure;
            throw new BenchFailure(e.getCause().toString(), e.getCause());
        }
    }
}
