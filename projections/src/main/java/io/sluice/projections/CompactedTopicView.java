package io.sluice.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.runtime.service.Readiness;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest value of every key of a compacted topic, kept on disk ({@link ViewDatabase}) and
 * current by one consumer thread.
 *
 * <p>The consumer reads with {@code isolation.level=read_committed}, so the view shows only what
 * the exactly-once writers committed, and it joins no consumer group: it is assigned every
 * partition, so every instance of a service holds the whole topic — on disk, not on the heap. It
 * resumes where its database says it stopped (a new database reads from the beginning). A null
 * value (tombstone) removes its key.
 *
 * <p>Each polled batch is applied in one atomic write — values, the secondary keys the view's
 * {@link Indexer} derives, and the consumer's positions — before the waiters are signalled, so a
 * value, its secondary keys and "applied up to here" become visible together.
 *
 * <p>Waiting never polls: the consumer thread signals one condition after it has applied each
 * polled batch and recorded its positions, and waiters re-check what they wait for.
 *
 * <p>A record whose bytes can never be decoded is logged, counted ({@link #skippedRecords()}) and
 * passed over, so one poison record cannot stall the view (contract I4); when the registry cannot be
 * reached the record is retried until it can, because skipping a good record would lose it.
 *
 * <p>The partitions are read once at start; partitions added to the topic later are not seen
 * (Sluice never adds partitions to a keyed topic: it would move keys).
 */
public final class CompactedTopicView<V> implements AutoCloseable {

    /**
     * Derives secondary keys from each change, on the consumer thread, into the change's own batch,
     * so they become visible with the value.
     */
    @FunctionalInterface
    interface Indexer<V> {
        /** @param previous the value before, or null; @param current the value now, or null after a tombstone */
        void changed(String key, V previous, V current, ViewDatabase.Update update);
    }

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicView.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);
    /** Pause before asking again for a topic that does not exist yet, or a registry that did not answer. */
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final String topic;
    private final Deserializer<V> deserializer;
    private final Indexer<V> indexer;
    private final ViewDatabase database;
    private final KafkaConsumer<String, byte[]> consumer;
    private final LogEndOffsets endOffsets;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever records were applied, positions moved, or the view failed or closed. */
    private final Condition progressed = lock.newCondition();
    /** Guarded by {@link #lock}; null until the partitions are assigned. */
    private Positions positions;
    private volatile Readiness readiness;
    private volatile Throwable failure;
    private volatile boolean closed;

    private CompactedTopicView(SluiceConfig config, TopicSpec<String, V> spec, SchemaRegistry registry,
            ViewDatabase database, Indexer<V> indexer) {
        this.topic = spec.name();
        this.deserializer = spec.valueSerde(registry).deserializer();
        this.indexer = indexer;
        this.database = database;
        String clientId = "sluice-view-" + topic + "-" + INSTANCES.incrementAndGet();
        this.consumer = new KafkaConsumer<>(ViewConsumerSettings.readCommittedWithoutGroup(config, clientId));
        this.endOffsets = new LogEndOffsets(KafkaClients.admin(config, clientId + "-offsets"));
        this.readiness = Readiness.notReady("loading " + topic + ": partitions not assigned yet");
        this.thread = Thread.ofPlatform().daemon().name(clientId).unstarted(this::run);
    }

    /**
     * Opens the view's database in {@code directory} and starts reading {@code spec}'s topic from
     * where the database stops (the beginning for a new one); returns at once (see {@link #readiness()}).
     *
     * @param indexer null when the view derives no secondary keys
     */
    static <V> CompactedTopicView<V> start(SluiceConfig config, TopicSpec<String, V> spec, SchemaRegistry registry,
            Path directory, Indexer<V> indexer) {
        ViewDatabase database = ViewDatabase.open(directory, spec.name(), config.getLong(Setting.STATE_STORE_MEMORY));
        try {
            CompactedTopicView<V> view = new CompactedTopicView<>(config, spec, registry, database, indexer);
            view.thread.start();
            return view;
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    public String topic() {
        return topic;
    }

    /**
     * @throws IllegalStateException if the view is closed, or the stored value cannot be decoded now
     *     (the registry does not answer)
     */
    public Optional<V> get(String key) {
        return database.value(key).map(this::decode);
    }

    /** Keys held now. */
    public long size() {
        return database.count();
    }

    /**
     * Visits the values whose keys start with {@code keyPrefix}, in key order, until {@code visitor}
     * returns false.
     */
    public void forEach(String keyPrefix, BiPredicate<String, V> visitor) {
        database.scanValues(keyPrefix, (key, bytes) -> visitor.test(key, decode(bytes)));
    }

    /**
     * Calls {@code listener} on the consumer thread after each batch that changed the view (keep it
     * short: the view waits for it).
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The view's consumer's own metrics (fetch rates, {@code records_lag_max}) on {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        new KafkaClientMetrics(consumer).bindTo(registry);
    }

    ViewDatabase database() {
        return database;
    }

    /** Records passed over because their bytes can never be decoded. */
    public long skippedRecords() {
        return skipped.get();
    }

    /** Records read and applied since this view started (not those its database already held). */
    public long recordsApplied() {
        return applied.get();
    }

    /**
     * Blocks until the value of {@code key} satisfies {@code until} or the timeout passes.
     *
     * @return the latest value seen (empty if none); at once if the view is closed
     * @throws IllegalStateException if the view stopped on an infrastructure failure
     */
    public Optional<V> await(String key, Predicate<? super V> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                V value = closed ? null : get(key).orElse(null);
                if (value != null && until.test(value)) return Optional.of(value);
                throwIfFailed();
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) return Optional.ofNullable(value);
                progressed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until every record committed to the topic before this call is applied: asks the broker
     * where each partition's log ends now (its high watermark) and waits until the view has read
     * that far. Reading committed data only, the consumer passes a transaction's records (applying
     * them or, if it aborted, not) only once the transaction is decided, so a transaction still open
     * at the call delays the answer until it is decided; the exactly-once writers decide theirs
     * every commit interval (100 ms), or the broker aborts them after their transaction timeout.
     *
     * <p>Not the last stable offset: a commit returns to its producer before its markers reach the
     * partitions, so just after a commit the last stable offset can still stand below the committed
     * records (measured: a view caught up to it missed a record committed just before).
     *
     * @return false if the timeout passed first, or the view was closed
     * @throws IllegalStateException if the view stopped on an infrastructure failure
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TopicPartition> partitions = awaitAssignment(deadline);
        if (partitions == null) return false;
        Optional<Map<TopicPartition, Long>> targets = endOffsets.of(partitions, deadline);
        if (targets.isEmpty()) return false;
        lock.lock();
        try {
            while (!positions.reached(targets.get())) {
                throwIfFailed();
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) return false;
                progressed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ready once the view has read every partition up to where it ended when the view started. */
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closing.countDown();
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endOffsets.close();
        database.close();
        signal();
    }

    private List<TopicPartition> awaitAssignment(long deadline) throws InterruptedException {
        lock.lock();
        try {
            while (positions == null) {
                throwIfFailed();
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) return null;
                progressed.awaitNanos(left);
            }
            return positions.partitions();
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() {
        Throwable cause = failure;
        if (cause != null) throw new IllegalStateException("the view of " + topic + " stopped: " + cause, cause);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = assignAll();
            if (partitions == null) return;
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                try (ViewDatabase.Update update = database.update()) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        if (!apply(record, update)) return; // closed while waiting for the registry
                    }
                    Map<TopicPartition, Long> now = positionsNow(partitions);
                    now.forEach((partition, next) -> update.position(partition.partition(), next));
                    update.commit();
                    applied.addAndGet(records.count());
                    recordPositions(now);
                    if (!records.isEmpty()) listeners.forEach(Runnable::run);
                }
            }
        } catch (WakeupException e) {
            if (!closed) fail(e);
        } catch (InterruptedException e) {
            if (!closed) fail(e);
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            if (closed) readiness = Readiness.notReady("view of " + topic + " closed");
            signal();
        }
    }

    /**
     * Assigns every partition, from the beginning, and notes where each ended (under read_committed,
     * the consumer's end offsets are the last stable offsets): the initial load. Asks again while the
     * topic does not exist or Kafka does not answer.
     *
     * @return the partitions, or null if the view closed first
     */
    private List<TopicPartition> assignAll() throws InterruptedException {
        while (!closed) {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    Map<Integer, Long> stored = database.positions();
                    Map<TopicPartition, Long> start = new HashMap<>();
                    for (TopicPartition partition : partitions) {
                        Long next = stored.get(partition.partition());
                        if (next == null) {
                            consumer.seekToBeginning(List.of(partition));
                        } else {
                            consumer.seek(partition, next); // out of range (a recreated topic): from the beginning
                            start.put(partition, next);
                        }
                    }
                    Map<TopicPartition, Long> initialEnd = consumer.endOffsets(partitions);
                    lock.lock();
                    try {
                        positions = new Positions(partitions, initialEnd, start);
                        progressed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    return partitions;
                }
                readiness = Readiness.notReady("loading " + topic + ": the topic does not exist yet");
            } catch (RetriableException e) {
                readiness = Readiness.notReady("loading " + topic + ": " + e);
                log.warn("Cannot assign {} yet (will retry): {}", topic, e.toString());
            }
            if (closing.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) return null;
        }
        return null;
    }

    /** Adds one record to the batch; false if the view closed while the record waited for the registry. */
    private boolean apply(ConsumerRecord<String, byte[]> record, ViewDatabase.Update update)
            throws InterruptedException {
        String key = record.key();
        if (key == null) {
            skip(record, "no key");
            return true;
        }
        V value = null;
        if (record.value() != null) {
            while (true) {
                try {
                    value = deserializer.deserialize(topic, record.headers(), record.value());
                    break;
                } catch (UndecodableRecordException e) {
                    skip(record, e.getMessage());
                    return true;
                } catch (SerializationException e) {
                    log.warn("Cannot decode {}-{}@{} yet (will retry): {}", topic, record.partition(),
                            record.offset(), e.getMessage());
                    if (closing.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) return false;
                }
            }
        }
        if (indexer != null) {
            Optional<byte[]> stored = update.previous(key);
            V previous = null;
            if (stored.isPresent()) {
                Optional<V> decoded = decodeStored(key, stored.get());
                if (decoded == null) return false;
                previous = decoded.orElse(null);
            }
            indexer.changed(key, previous, value, update);
        }
        if (value == null) {
            update.deleteValue(key);
        } else {
            update.putValue(key, record.value());
        }
        return true;
    }

    /**
     * Decodes a value the view stored earlier, retrying while the registry does not answer.
     *
     * @return empty if it can never be decoded (it was decoded once; only a registry that lost the
     *     schema gets here), null if the view closed meanwhile
     */
    private Optional<V> decodeStored(String key, byte[] bytes) throws InterruptedException {
        while (true) {
            try {
                return Optional.of(deserializer.deserialize(topic, bytes));
            } catch (UndecodableRecordException e) {
                log.error("The stored value of {} in the view of {} cannot be decoded: {}", key, topic, e.getMessage());
                return Optional.empty();
            } catch (SerializationException e) {
                log.warn("Cannot decode the stored value of {} in the view of {} yet (will retry): {}", key, topic,
                        e.getMessage());
                if (closing.await(RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) return null;
            }
        }
    }

    private V decode(byte[] bytes) {
        return deserializer.deserialize(topic, bytes);
    }

    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        skipped.incrementAndGet();
        log.error("Skipping record {}-{}@{} of the view: {}", topic, record.partition(), record.offset(), why);
    }

    private Map<TopicPartition, Long> positionsNow(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                now.put(partition, consumer.position(partition, POLL_TIMEOUT));
            } catch (TimeoutException e) {
                // The position is not known until Kafka answers the reset to the beginning; the last
                // one recorded stays, and the next round asks again.
            }
        }
        return now;
    }

    private void recordPositions(Map<TopicPartition, Long> now) {
        lock.lock();
        try {
            positions.update(now);
            readiness = positions.initialLoadDone()
                    ? Readiness.ready()
                    : Readiness.notReady("loading " + topic + ": " + positions.describeInitialLoad());
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable cause) {
        log.error("The view of {} stopped", topic, cause);
        failure = cause;
        readiness = Readiness.notReady("view of " + topic + " stopped: " + cause);
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
