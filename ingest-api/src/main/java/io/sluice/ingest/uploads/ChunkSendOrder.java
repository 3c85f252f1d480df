package io.sluice.ingest.uploads;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes the chunks of one upload that this instance receives at the same time in index order,
 * where waiting briefly allows it. A client sending on several streams has chunks i, i+1, i+2 in
 * flight together, and their bodies finish arriving in any order; published as they finish, most
 * reach the session processor ahead of the hash frontier and are parked (written to its store and
 * changelog, read back later) — the benchmark's four-stream upload was no faster than one stream.
 *
 * <p>A chunk waits only for lower indexes of the same upload that are under way here, and at most
 * {@code maxWait}: a slow client's chunk delays its successors by that much at worst, and a chunk
 * whose predecessor is not under way here (another instance, not sent yet) goes at once. Order is
 * an optimisation only: the session processor accepts chunks in any order.
 *
 * <p>A lock and condition rather than {@code synchronized} and {@code wait}: the requests run on
 * virtual threads, and on JDK 21 (the Docker image's) waiting inside {@code synchronized} pins the
 * carrier thread, so a few waiting chunks could hold every carrier.
 */
public final class ChunkSendOrder {

    /** Chunks under way here, by upload id: received (or being received) and not yet handed to Kafka. */
    private final Map<String, TreeSet<Integer>> underWay = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition chunkHandedOver = lock.newCondition();
    private final Duration maxWait;

    public ChunkSendOrder(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** A chunk request under way; {@link #awaitTurn} before publishing, close once published or failed. */
    public final class Slot implements AutoCloseable {
        private final String uploadId;
        private final int index;
        private boolean closed;

        private Slot(String uploadId, int index) {
            this.uploadId = uploadId;
            this.index = index;
        }

        /** Waits until no lower index of the upload is under way here, or {@code maxWait} has passed. */
        public void awaitTurn() throws InterruptedException {
            long left = maxWait.toNanos();
            lock.lock();
            try {
                while (hasPredecessorUnderWay(uploadId, index) && left > 0) {
                    left = chunkHandedOver.awaitNanos(left);
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (closed) return;
                closed = true;
                TreeSet<Integer> indexes = underWay.get(uploadId);
                if (indexes != null) {
                    indexes.remove(index);
                    if (indexes.isEmpty()) underWay.remove(uploadId);
                }
                chunkHandedOver.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Notes a chunk request as under way, before its body is read. */
    public Slot enter(String uploadId, int index) {
        lock.lock();
        try {
            underWay.computeIfAbsent(uploadId, id -> new TreeSet<>()).add(index);
            return new Slot(uploadId, index);
        } finally {
            lock.unlock();
        }
    }

    private boolean hasPredecessorUnderWay(String uploadId, int index) {
        TreeSet<Integer> indexes = underWay.get(uploadId);
        return indexes != null && indexes.lower(index) != null;
    }

    /** Uploads with chunks under way (a gauge, and for tests). */
    int uploadsUnderWay() {
        lock.lock();
        try {
            return underWay.size();
        } finally {
            lock.unlock();
        }
    }
}
