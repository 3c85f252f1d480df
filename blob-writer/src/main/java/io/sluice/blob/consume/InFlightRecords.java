package io.sluice.blob.consume;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The started records of one partition, in offset order, until they are done: what may be committed
 * is the offset after the longest run of done records from the front — never past one still under way
 * or failed — and the first failed record is where the partition reads again. Touched by the loop's
 * thread only.
 */
final class InFlightRecords {

    /**
     * What {@link #advance()} found.
     *
     * @param committable the offset after the done records it took off, or -1 if it took none
     * @param releasedBytes the bytes of the records it took off
     * @param failedOffset the first record that failed, or -1
     * @param failure why it failed, or null
     */
    record Progress(long committable, long releasedBytes, long failedOffset, Exception failure) {}

    private final ArrayDeque<StartedRecord> records = new ArrayDeque<>();
    private long bytes;

    void addAll(List<StartedRecord> started) {
        for (StartedRecord record : started) {
            records.add(record);
            bytes += record.bytes();
        }
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    /** Takes the done records off the front, stopping at the first one under way or failed. */
    Progress advance() {
        long committable = -1;
        long released = 0;
        while (!records.isEmpty() && records.peek().done().isDone()) {
            StartedRecord head = records.peek();
            if (head.done().isCompletedExceptionally()) {
                bytes -= released;
                return new Progress(committable, released, head.offset(), failureOf(head));
            }
            records.poll();
            released += head.bytes();
            committable = head.offset() + 1;
        }
        bytes -= released;
        return new Progress(committable, released, -1, null);
    }

    /** Forgets every record (they are read again, or are no longer this member's); returns their bytes. */
    long clear() {
        long held = bytes;
        records.clear();
        bytes = 0;
        return held;
    }

    /** Waits, up to the deadline ({@link System#nanoTime()}), until every record is done or failed. */
    void awaitAll(long deadlineNanos) throws InterruptedException {
        for (StartedRecord record : records) {
            try {
                record.done().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | CompletionException e) {
                // failed: advance() reports it
            } catch (TimeoutException e) {
                return; // not done: not committed, read again by the partition's next owner
            }
        }
    }

    private static Exception failureOf(StartedRecord record) {
        try {
            record.done().join();
            return new IllegalStateException("record " + record.offset() + " failed without a cause");
        } catch (CompletionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (java.util.concurrent.CancellationException e) {
            return e;
        }
    }
}
