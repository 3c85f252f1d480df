package io.sluice.blob.consume;

import io.sluice.runtime.service.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
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
 * <p>One thread owns the consumer and never waits for work: each partition's batch runs on its own
 * virtual thread ({@link PartitionBatch}) while the partition is paused, so the thread keeps polling
 * (the group sees it alive however long an S3 call takes) and other partitions keep going. When a
 * batch is done, its offsets are committed — only for work that is acknowledged — and the partition
 * resumes. A failed record is not committed: its partition seeks back to it and stays paused for a
 * bounded exponential backoff, then reads it again; nothing is lost and nothing is skipped.
 *
 * <p>Memory is bounded by pausing every partition while the record bytes handed to workers exceed
 * {@link LoopSettings#maxInFlightBytes()}.
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
    private final Map<TopicPartition, InFlight> inFlight = new HashMap<>();
    private final Map<TopicPartition, Retrying> retrying = new HashMap<>();
    private long inFlightBytes;

    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile int assignedPartitions;
    private volatile Throwable fatal;

    private record InFlight(Future<BatchOutcome> outcome, long bytes, long firstOffset) {}

    private record Retrying(int failures, long resumeAtNanos) {}

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
                updatePauses();
                ConsumerRecords<byte[], Decoded<V>> records = poll();
                for (TopicPartition partition : records.partitions()) {
                    dispatch(partition, records.records(partition));
                }
                settle();
            }
        } catch (Exception | Error e) {
            fatal = e;
            log.error("The {} consumer stopped", settings.name(), e);
        } finally {
            drain();
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
            retryLater(e.topicPartition(), e.offset(), e);
            return ConsumerRecords.empty();
        }
    }

    private void dispatch(TopicPartition partition, List<ConsumerRecord<byte[], Decoded<V>>> records) {
        long bytes = 0;
        for (ConsumerRecord<byte[], Decoded<V>> record : records) {
            bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
        }
        PartitionBatch<V> batch = new PartitionBatch<>(partition, records, processor, deadLetters, encoder,
                () -> !running);
        Future<BatchOutcome> outcome = workers.submit(() -> {
            try {
                return batch.call();
            } finally {
                consumer.wakeup(); // the one thread-safe consumer call: ends the poll so the outcome is settled now
            }
        });
        inFlight.put(partition, new InFlight(outcome, bytes, records.getFirst().offset()));
        inFlightBytes += bytes;
    }

    /** Commits what finished batches did, and schedules their failed records again. */
    private void settle() {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        Iterator<Map.Entry<TopicPartition, InFlight>> entries = inFlight.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<TopicPartition, InFlight> entry = entries.next();
            InFlight work = entry.getValue();
            if (!work.outcome().isDone()) continue;
            entries.remove();
            inFlightBytes -= work.bytes();
            BatchOutcome outcome = outcomeOf(entry.getKey(), work);
            if (outcome.committable() >= 0) {
                commits.put(outcome.partition(), new OffsetAndMetadata(outcome.committable()));
            }
            if (outcome.failed()) {
                retryLater(outcome.partition(), outcome.failedOffset(), outcome.failure());
            } else {
                retrying.remove(outcome.partition());
            }
        }
        commit(commits);
    }

    private BatchOutcome outcomeOf(TopicPartition partition, InFlight work) {
        try {
            return work.outcome().get();
        } catch (ExecutionException e) {
            // PartitionBatch returns failures as outcomes; an Error escaped it: read the batch again
            return new BatchOutcome(partition, -1, work.firstOffset(), new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BatchOutcome(partition, -1, work.firstOffset(), e);
        }
    }

    private void retryLater(TopicPartition partition, long offset, Exception failure) {
        consumer.seek(partition, offset);
        Retrying previous = retrying.get(partition);
        int failures = previous == null ? 1 : previous.failures() + 1;
        Duration delay = settings.backoff().delayAfter(failures);
        retrying.put(partition, new Retrying(failures, System.nanoTime() + delay.toNanos()));
        failedAttempts.increment();
        if (failures == 1) {
            log.warn("{}: {} at offset {} failed; trying again in {} ms", settings.name(), partition, offset,
                    delay.toMillis(), failure);
        } else {
            log.warn("{}: {} at offset {} failed again (attempt {}); trying again in {} ms: {}", settings.name(),
                    partition, offset, failures, delay.toMillis(), failure.toString());
        }
    }

    /** Pauses partitions with work under way or waiting out a backoff, and all of them while memory is full. */
    private void updatePauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) return;
        long now = System.nanoTime();
        boolean full = inFlightBytes >= settings.maxInFlightBytes();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (TopicPartition partition : assigned) {
            Retrying retry = retrying.get(partition);
            boolean waiting = retry != null && now - retry.resumeAtNanos() < 0;
            if (full || waiting || inFlight.containsKey(partition)) {
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
        for (InFlight work : inFlight.values()) {
            try {
                work.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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

    /** Finishes the work of partitions this member gives up, so their next owner starts where it ended. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit(finishWork(partitions));
            assignedPartitions = consumer.assignment().size() - partitions.size();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            finishWork(partitions); // no longer ours to commit
            assignedPartitions = 0;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
            assignedPartitions = consumer.assignment().size();
        }

        private Map<TopicPartition, OffsetAndMetadata> finishWork(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            for (TopicPartition partition : partitions) {
                retrying.remove(partition);
                InFlight work = inFlight.remove(partition);
                if (work == null) continue;
                inFlightBytes -= work.bytes();
                BatchOutcome outcome = outcomeOf(partition, work);
                if (outcome.committable() >= 0) {
                    commits.put(partition, new OffsetAndMetadata(outcome.committable()));
                }
            }
            return commits;
        }
    }
}
