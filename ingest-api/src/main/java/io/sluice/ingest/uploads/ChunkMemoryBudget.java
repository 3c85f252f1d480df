package io.sluice.ingest.uploads;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the chunk bytes held by requests in flight. Each chunk request holds its body (and,
 * briefly, the serialized record) on the heap; many parallel requests of large chunks must queue,
 * not exhaust a small heap (contract I7). Counted in KiB so that budgets beyond 2 GiB fit a semaphore.
 */
public final class ChunkMemoryBudget {

    private final Semaphore kibibytes;
    private final int totalKibibytes;
    private final Duration wait;

    public ChunkMemoryBudget(long bytes, Duration wait) {
        this.totalKibibytes = (int) Math.min(Integer.MAX_VALUE, bytes / 1024);
        this.kibibytes = new Semaphore(totalKibibytes, true);
        this.wait = wait;
    }

    /**
     * A quarter of the maximum heap, but room for at least one chunk of {@code largestChunk}. What
     * this budget counts is the request bodies; each also has, for a moment, its serialized record,
     * and the producer's buffer (bounded by its {@code buffer.memory}) holds a copy until Kafka acks.
     */
    public static ChunkMemoryBudget forHeap(int largestChunk, Duration wait) {
        return new ChunkMemoryBudget(Math.max(Runtime.getRuntime().maxMemory() / 4, largestChunk + 1024L), wait);
    }

    /**
     * Reserves room for a chunk of {@code bytes}; close the reservation when the chunk is released.
     *
     * @throws ApiException 503 with {@code Retry-After} if no room came free within the wait
     */
    public Reservation reserve(int bytes) throws InterruptedException {
        int permits = Math.min(totalKibibytes, (bytes + 1023) / 1024);
        if (!kibibytes.tryAcquire(permits, wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ApiException(ProblemCode.SERVICE_UNAVAILABLE, "too many chunks in flight; send this one again")
                    .header("Retry-After", "1");
        }
        return () -> kibibytes.release(permits);
    }

    /** Bytes reserved now (a gauge). */
    public long reservedBytes() {
        return (long) (totalKibibytes - kibibytes.availablePermits()) * 1024;
    }

    /** Room for one chunk; releasing twice is a bug the caller avoids with try-with-resources. */
    @FunctionalInterface
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
