package io.sluice.blob.consume;

import io.sluice.runtime.service.Readiness;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An at-least-once consumer whose partitions are worked on in parallel, each in order.
 *
 * <p>One thread owns the consumer and never waits for work. What a poll returns is queued per
 * partition; a partition with queued records and no batch under way gets one ({@link PartitionBatch}
 * on a virtual thread) with everything queued. When a batch is done, its offsets are committed —
 * only for work that is acknowledged — and the partition's next batch starts. A failed record is not
 * committed: its partition drops what it queued after it, seeks back to it, and is paused for a
 * bounded exponential backoff, then reads it again; nothing is lost and nothing is skipped. The
 * thread keeps polling throughout, so the group sees it alive however long an S3 call takes.
 *
 * <p>Memory is bounded by pausing every partition while the record bytes queued and under way reach
 * {@link LoopSettings#maxInFlightBytes()}. Partitions are not paused one by one while busy: a
 * resumed partition would wait for the consumer's outstanding fetch (up to {@code fetch.max.wait.ms})
 * before its next records are even asked for.
 */
public final class PartitionedConsumerLoop<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionedConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** How long closing waits for batches under way before leaving them to the next owner. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final LoopSettings settings;
    private final Consumer<byte[], Decoded<V>> consumer;
    private final RecordProcessor<V> processor;
    private final DeadLetterWriter deadLetters;
    private final Serializer<V> encoder;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread thread;
    private final LongAdder failedAttempts = new LongAdder();

    // touched by the loop thread only (the rebalance listener runs inside poll, on that thread)
    private final Map<TopicPartition, PartitionWork> partitions = new HashMap<>();
    private long bytesHeld;

    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile int assignedPartitions;
    private volatile Throwable fatal;

    /** A partition's records waiting, its batch under way, and its backoff after a failure. */
    private final class PartitionWork {
        final ArrayDeque<ConsumerRecord<byte[], Decoded<V>>> queued = new ArrayDeque<>();
        long queuedBytes;
        Future<BatchOutcome> batch;
        long batchBytes;
        long batchFirstOffset;
        /** Consecutive failures: the backoff's exponent; a batch that succeeds ends the streak. */
        int failures;
        boolean waited;
        long resumeAtNanos;

        boolean backingOff(long now) {
            return waited && now - resumeAtNanos < 0;
        }
    }

    /**
     * @param consumer a consumer with auto-commit off; the loop subscribes it and closes it
     * @param encoder encodes a decoded event again for the dead-letter topic
     */
    public PartitionedConsumerLoop(LoopSettings settings, Consumer<byte[], Decoded<V>> consumer,
            RecordProcessor<V> processor, DeadLetterWriter deadLetters, Serializer<V> encoder) {
        this.settings = settings;
        this.consumer = consumer;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.encoder = encoder;
        this.thread = Thread.ofPlatform().name("blob-writer-" + settings.name()).unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Ready once the group has assigned this member its partitions (possibly none) and while the loop runs. */
    public Readiness readiness() {
        Throwable failure = fatal;
        if (failure != null) return Readiness.notReady(settings.name() + " consumer stopped: " + failure);
        if (!joined) return Readiness.notReady(settings.name() + " consumer has not joined its group yet");
        return Readiness.ready();
    }

    public int assignedPartitions() {
        return assignedPartitions;
    }

    /** Attempts that failed and were scheduled again (S3 or Kafka unavailable, registry unreachable). */
    public long failedAttempts() {
        return failedAttempts.sum();
    }

    @Override
    public void close() {
        running = false;
        switch (thread.getState()) {
            case NEW -> { // never started
                consumer.close();
                workers.shutdownNow();
                return;
            }
            case TERMINATED -> { // stopped on its own, consumer closed
                return;
            }
            default -> consumer.wakeup();
        }
        try {
            thread.join(DRAIN_TIMEOUT.plusSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (running) {
                settle();
                startBatches();
                updatePauses();
                enqueue(poll());
            }
        } catch (Exception | Error e) {
            fatal = e;
            log.error("The {} consumer stopped", settings.name(), e);
        } finally {
            drain();
        }
    }

    private void enqueue(ConsumerRecords<byte[], Decoded<V>> records) {
        for (TopicPartition partition : records.partitions()) {
            PartitionWork work = partitions.computeIfAbsent(partition, p -> new PartitionWork());
            for (ConsumerRecord<byte[], Decoded<V>> record : records.records(partition)) {
                long bytes = sizeOf(record);
                work.queued.add(record);
                work.queuedBytes += bytes;
                bytesHeld += bytes;
            }
        }
    }

    private ConsumerRecords<byte[], Decoded<V>> poll() {
        try {
            return consumer.poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
            return ConsumerRecords.empty(); // a batch finished, or close() was called
        } catch (RecordDeserializationException e) {
            // Bytes that can never decode arrive as Decoded.Undecodable; this is a decoder that could
            // not run (the schema registry is unreachable): the record is fine, read it again later.
            // What was queued before it stays queued: those records decoded fine.
            consumer.seek(e.topicPartition(), e.offset());
            backOff(e.topicPartition(), partitions.computeIfAbsent(e.topicPartition(), p -> new PartitionWork()),
                    e.offset(), e);
            return ConsumerRecords.empty();
        }
    }

    /** Gives each idle partition with queued records a batch of all of them. */
    private void startBatches() {
        partitions.forEach((partition, work) -> {
            if (work.batch != null || work.queued.isEmpty() || !running) return;
            List<ConsumerRecord<byte[], Decoded<V>>> records = new ArrayList<>(work.queued);
            work.queued.clear();
            work.batchBytes = work.queuedBytes;
            work.queuedBytes = 0;
            work.batchFirstOffset = records.getFirst().offset();
            PartitionBatch<V> batch = new PartitionBatch<>(partition, records, processor, deadLetters, encoder,
                    () -> !running);
            work.batch = workers.submit(() -> {
                try {
                    return batch.call();
                } finally {
                    consumer.wakeup(); // the one thread-safe consumer call: ends the poll so the outcome is settled now
                }
            });
        });
    }

    /** Commits what finished batches did, and schedules their failed records again. */
    private void settle() {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        partitions.forEach((partition, work) -> {
            if (work.batch == null || !work.batch.isDone()) return;
            BatchOutcome outcome = finish(partition, work);
            if (outcome.committable() >= 0) {
                commits.put(partition, new OffsetAndMetadata(outcome.committable()));
            }
            if (outcome.failed()) {
                retryLater(partition, work, outcome.failedOffset(), outcome.failure());
            } else {
                work.failures = 0;
            }
        });
        commit(commits);
    }

    /** Takes a done (or, on revocation, awaited) batch off its partition. */
    private BatchOutcome finish(TopicPartition partition, PartitionWork work) {
        Future<BatchOutcome> batch = work.batch;
        work.batch = null;
        bytesHeld -= work.batchBytes;
        work.batchBytes = 0;
        try {
            return batch.get();
        } catch (ExecutionException e) {
            // PartitionBatch returns failures as outcomes; an Error escaped it: read the batch again
            return new BatchOutcome(partition, -1, work.batchFirstOffset, new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BatchOutcome(partition, -1, work.batchFirstOffset, e);
        }
    }

    /** Forgets what was queued after the failed record, and reads again from it after a pause. */
    private void retryLater(TopicPartition partition, PartitionWork work, long offset, Exception failure) {
        bytesHeld -= work.queuedBytes;
        work.queued.clear();
        work.queuedBytes = 0;
        consumer.seek(partition, offset);
        backOff(partition, work, offset, failure);
    }

    /** Pauses fetching the partition for the next delay of its backoff. */
    private void backOff(TopicPartition partition, PartitionWork work, long offset, Exception failure) {
        work.failures++;
        Duration delay = settings.backoff().delayAfter(work.failures);
        work.waited = true;
        work.resumeAtNanos = System.nanoTime() + delay.toNanos();
        failedAttempts.increment();
        if (work.failures == 1) {
            log.warn("{}: {} at offset {} failed; trying again in {} ms", settings.name(), partition, offset,
                    delay.toMillis(), failure);
        } else {
            log.warn("{}: {} at offset {} failed again (attempt {}); trying again in {} ms: {}", settings.name(),
                    partition, offset, work.failures, delay.toMillis(), failure.toString());
        }
    }

    /** Pauses partitions waiting out a backoff, and all of them while the records held reach the bound. */
    private void updatePauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) return;
        long now = System.nanoTime();
        boolean full = bytesHeld >= settings.maxInFlightBytes();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            PartitionWork work = partitions.get(partition);
            if (full || (work != null && work.backingOff(now))) {
                pause.add(partition);
            } else {
                resume.add(partition);
            }
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) return;
        while (true) {
            try {
                consumer.commitSync(offsets);
                return;
            } catch (WakeupException e) {
                // a batch finished while committing; committing the same offsets again is harmless
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // the partitions moved on; their new owner reads these records again (at-least-once)
                log.warn("{}: could not commit {}: {}", settings.name(), offsets, e.toString());
                return;
            }
        }
    }

    /** On close: lets the batches under way finish (up to a bound), commits them, closes the consumer. */
    private void drain() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (PartitionWork work : partitions.values()) {
            if (work.batch == null) continue;
            try {
                work.batch.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // not done: not committed, so read again by the partition's next owner
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            if (fatal == null) settle();
        } catch (Exception e) {
            log.warn("{}: could not commit finished work on close; it will be done again", settings.name(), e);
        }
        workers.shutdownNow();
        try {
            consumer.close();
        } catch (Exception e) {
            log.warn("{}: closing the consumer failed", settings.name(), e);
        }
    }

    private static long sizeOf(ConsumerRecord<byte[], ?> record) {
        return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
    }

    /** Finishes the work of partitions this member gives up, so their next owner starts where it ended. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            commit(giveUp(revoked));
            assignedPartitions = consumer.assignment().size() - revoked.size();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            giveUp(lost); // no longer ours to commit
            assignedPartitions = 0;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            joined = true;
            assignedPartitions = consumer.assignment().size();
        }

        /** Waits for the batches under way, drops what was queued; returns the offsets to commit. */
        private Map<TopicPartition, OffsetAndMetadata> giveUp(Collection<TopicPartition> given) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            for (TopicPartition partition : given) {
                PartitionWork work = partitions.remove(partition);
                if (work == null) continue;
                bytesHeld -= work.queuedBytes;
                if (work.batch == null) continue;
                BatchOutcome outcome = finish(partition, work);
                if (outcome.committable() >= 0) {
                    commits.put(partition, new OffsetAndMetadata(outcome.committable()));
                }
            }
            return commits;
        }
    }
}
