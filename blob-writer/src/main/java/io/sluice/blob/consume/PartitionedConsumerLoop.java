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
 * partition and started in offset order as soon as it arrives ({@link PartitionStarter} on a virtual
 * thread; processors run the work itself asynchronously), so a record never waits for the records
 * before it to finish — only to start. Each partition's started records are tracked until done
 * ({@link InFlightRecords}); offsets are committed — only past work that is acknowledged, with no gap
 * — at most every {@link #COMMIT_INTERVAL}. A failed record is not committed: its partition drops what
 * it holds after it, seeks back to it, and is paused for a bounded exponential backoff, then reads it
 * again; nothing is lost and nothing is skipped (work must be idempotent: what was under way after the
 * failed record is done again). The thread keeps polling throughout, so the group sees it alive
 * however long an S3 call takes.
 *
 * <p>Memory is bounded by pausing every partition while the record bytes queued and under way reach
 * {@link LoopSettings#maxInFlightBytes()}. Partitions are not paused one by one while busy: a
 * resumed partition would wait for the consumer's outstanding fetch (up to {@code fetch.max.wait.ms})
 * before its next records are even asked for.
 */
public final class PartitionedConsumerLoop<V> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PartitionedConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /**
     * How often finished work is committed. Committing only decides what a restart does again (every
     * record's effect is already acknowledged), so it need not follow each record: one commit round trip
     * per record would cost more than the small records' work.
     */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    /** How long closing waits for work under way before leaving it to the next owner. */
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
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long lastCommitNanos = System.nanoTime();
    private long bytesHeld;

    /** Set while every partition is paused for memory: then each record done wakes the loop to resume. */
    private volatile boolean full;
    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile int assignedPartitions;
    private volatile Throwable fatal;

    /** A partition's records waiting, being started and under way, and its backoff after a failure. */
    private final class PartitionWork {
        final ArrayDeque<ConsumerRecord<byte[], Decoded<V>>> queued = new ArrayDeque<>();
        long queuedBytes;
        Future<PartitionStarter.Started> starting;
        long startingBytes;
        long startingFirstOffset;
        final InFlightRecords inFlight = new InFlightRecords();
        /** A record whose start failed, read again once everything started before it is done. */
        long startFailedOffset = -1;
        Exception startFailure;
        /** The first started record that failed: nothing more starts until the partition reads it again. */
        boolean headFailed;
        /** Consecutive failures: the backoff's exponent; a record done after them ends the streak. */
        int failures;
        boolean waited;
        long resumeAtNanos;

        boolean backingOff(long now) {
            return waited && now - resumeAtNanos < 0;
        }

        boolean mayStart() {
            return starting == null && !queued.isEmpty() && startFailure == null && !headFailed;
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
                startQueued();
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
                long bytes = PartitionStarter.sizeOf(record);
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
            return ConsumerRecords.empty(); // records were started or done, or close() was called
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

    /** Hands each partition's queued records to a starter, unless one is still starting the last ones. */
    private void startQueued() {
        partitions.forEach((partition, work) -> {
            if (!work.mayStart() || !running) return;
            List<ConsumerRecord<byte[], Decoded<V>>> records = new ArrayList<>(work.queued);
            work.queued.clear();
            work.startingBytes = work.queuedBytes;
            work.startingFirstOffset = records.getFirst().offset();
            work.queuedBytes = 0;
            PartitionStarter<V> starter = new PartitionStarter<>(records, processor, deadLetters, encoder, workers,
                    () -> !running);
            work.starting = workers.submit(() -> {
                try {
                    PartitionStarter.Started started = starter.call();
                    started.records().forEach(record -> record.done().whenComplete((ignored, failure) -> {
                        if (full) consumer.wakeup(); // memory freed: resume fetching now, not at the next poll's end
                    }));
                    return started;
                } finally {
                    consumer.wakeup(); // the one thread-safe consumer call: ends the poll so what queued since starts now
                }
            });
        });
    }

    /** Takes done work off every partition, schedules failed records again, commits now and then. */
    private void settle() {
        partitions.forEach(this::settle);
        long now = System.nanoTime();
        if (!uncommitted.isEmpty() && now - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
            commit(new HashMap<>(uncommitted));
            uncommitted.clear();
            lastCommitNanos = now;
        }
    }

    private void settle(TopicPartition partition, PartitionWork work) {
        if (work.starting != null && work.starting.isDone()) collectStarted(partition, work);
        InFlightRecords.Progress progress = work.inFlight.advance();
        bytesHeld -= progress.releasedBytes();
        if (progress.committable() >= 0) {
            uncommitted.put(partition, new OffsetAndMetadata(progress.committable()));
            work.failures = 0;
        }
        work.headFailed = progress.failure() != null;
        if (work.starting != null) return; // a starter still runs: seek only once it is done
        if (progress.failure() != null) {
            retryLater(partition, work, progress.failedOffset(), progress.failure());
        } else if (work.startFailure != null && work.inFlight.isEmpty()) {
            retryLater(partition, work, work.startFailedOffset, work.startFailure);
        }
    }

    /** Moves what a done starter started into the partition's work under way. */
    private void collectStarted(TopicPartition partition, PartitionWork work) {
        Future<PartitionStarter.Started> starting = work.starting;
        long startingBytes = work.startingBytes;
        work.starting = null;
        work.startingBytes = 0;
        PartitionStarter.Started started;
        try {
            started = starting.get();
        } catch (ExecutionException e) {
            // PartitionStarter returns failures as results; an Error escaped it: nothing it started is
            // tracked, so the partition reads again from its first record once the rest is done
            started = new PartitionStarter.Started(List.of(), work.startingFirstOffset,
                    new IllegalStateException("starting records of " + partition + " failed", e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started = new PartitionStarter.Started(List.of(), work.startingFirstOffset, e);
        }
        work.inFlight.addAll(started.records());
        long startedBytes = started.records().stream().mapToLong(StartedRecord::bytes).sum();
        bytesHeld -= startingBytes - startedBytes; // the records not started are read again
        if (started.failure() != null && work.startFailure == null) {
            work.startFailedOffset = started.failedOffset();
            work.startFailure = started.failure();
        }
    }

    /** Forgets what the partition holds from the failed record on, and reads again from it after a pause. */
    private void retryLater(TopicPartition partition, PartitionWork work, long offset, Exception failure) {
        bytesHeld -= work.queuedBytes + work.inFlight.clear();
        work.queued.clear();
        work.queuedBytes = 0;
        work.startFailedOffset = -1;
        work.startFailure = null;
        work.headFailed = false;
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
        full = bytesHeld >= settings.maxInFlightBytes();
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
                // work started or ended while committing; committing the same offsets again is harmless
            } catch (CommitFailedException | RebalanceInProgressException e) {
                // the partitions moved on; their new owner reads these records again (at-least-once)
                log.warn("{}: could not commit {}: {}", settings.name(), offsets, e.toString());
                return;
            }
        }
    }

    /**
     * Waits, up to the deadline, for the partition's starter and the work it started; what is done by
     * then can be committed, the rest is read again by whoever reads the partition next.
     */
    private void awaitUnderWay(TopicPartition partition, PartitionWork work, long deadlineNanos) {
        try {
            if (work.starting != null) {
                try {
                    work.starting.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // collectStarted reports it
                }
                if (work.starting.isDone()) collectStarted(partition, work);
            }
            work.inFlight.awaitAll(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On close: lets the work under way finish (up to a bound), commits it, closes the consumer. */
    private void drain() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        try {
            if (fatal == null) {
                partitions.forEach((partition, work) -> awaitUnderWay(partition, work, deadline));
                partitions.forEach(this::settle);
                commit(new HashMap<>(uncommitted));
                uncommitted.clear();
            }
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
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            commit(giveUp(revoked, true));
            assignedPartitions = consumer.assignment().size() - revoked.size();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            giveUp(lost, false); // no longer ours to commit
            assignedPartitions = 0;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            joined = true;
            assignedPartitions = consumer.assignment().size();
        }

        /**
         * Waits for the work under way (if the partitions are still ours to commit), drops what was
         * queued; returns the offsets to commit.
         */
        private Map<TopicPartition, OffsetAndMetadata> giveUp(Collection<TopicPartition> given, boolean awaitWork) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
            for (TopicPartition partition : given) {
                OffsetAndMetadata pending = uncommitted.remove(partition);
                PartitionWork work = partitions.remove(partition);
                if (work == null) {
                    if (pending != null) commits.put(partition, pending);
                    continue;
                }
                if (awaitWork) awaitUnderWay(partition, work, deadline);
                if (work.starting != null) bytesHeld -= work.startingBytes;
                InFlightRecords.Progress progress = work.inFlight.advance();
                long committable = progress.committable() >= 0 ? progress.committable()
                        : pending != null ? pending.offset() : -1;
                if (committable >= 0) commits.put(partition, new OffsetAndMetadata(committable));
                bytesHeld -= work.queuedBytes + progress.releasedBytes() + work.inFlight.clear();
            }
            return commits;
        }
    }
}
