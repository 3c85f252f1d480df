package io.sluice.ingest.uploads;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

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
 */
public final class ChunkSendOrder {

    /** Chunks under way here, by upload id: received (or being received) and not yet handed to Kafka. */
    private final Map<String, TreeSet<Integer>> underWay = new HashMap<>();
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
            long deadline = System.nanoTime() + maxWait.toNanos();
            synchronized (ChunkSendOrder.this) {
                while (hasPredecessorUnderWay(uploadId, index)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return;
                    ChunkSendOrder.this.wait(Math.max(1, left / 1_000_000));
                }
            }
        }

        @Override
        public void close() {
            synchronized (ChunkSendOrder.this) {
                if (closed) return;
                closed = true;
                TreeSet<Integer> indexes = underWay.get(uploadId);
                if (indexes != null) {
                    indexes.remove(index);
                    if (indexes.isEmpty()) underWay.remove(uploadId);
                }
                ChunkSendOrder.this.notifyAll();
            }
        }
    }

    /** Notes a chunk request as under way, before its body is read. */
    public synchronized Slot enter(String uploadId, int index) {
        underWay.computeIfAbsent(uploadId, id -> new TreeSet<>()).add(index);
        return new Slot(uploadId, index);
    }

    private boolean hasPredecessorUnderWay(String uploadId, int index) {
        TreeSet<Integer> indexes = underWay.get(uploadId);
        return indexes != null && indexes.lower(index) != null;
    }

    /** Uploads with chunks under way (a gauge, and for tests). */
    synchronized int uploadsUnderWay() {
        return underWay.size();
    }
}
