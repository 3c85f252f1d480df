package io.sluice.blob.consume;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs work asynchronously, one piece at a time per key and in the order given, any number of keys
 * at once. A piece runs after its predecessor for the same key ended, however that ended: each
 * fails or succeeds on its own (a record set aside must not take the next one with it), and the
 * consumer loop reads again everything from the first failed record on, so work must be idempotent.
 */
public final class PerKeyOrder {

    /** Work that may throw; runs on the executor. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private final Executor executor;
    private final Map<String, CompletableFuture<Void>> lastByKey = new ConcurrentHashMap<>();

    public PerKeyOrder(Executor executor) {
        this.executor = executor;
    }

    public CompletableFuture<Void> submit(String key, Work work) {
        Runnable task = () -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
        CompletableFuture<Void> next = lastByKey.compute(key, (k, previous) -> previous == null
                ? CompletableFuture.runAsync(task, executor)
                : previous.handle((result, failure) -> null).thenRunAsync(task, executor));
        next.whenComplete((ignored, failure) -> lastByKey.remove(key, next));
        return next;
    }

    /** Keys with work under way; for tests. */
    int keysUnderWay() {
        return lastByKey.size();
    }
}
