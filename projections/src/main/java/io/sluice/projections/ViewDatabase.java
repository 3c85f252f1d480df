package io.sluice.projections;

import io.sluice.runtime.kafka.BoundedStoreMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A view's state on disk, in one RocksDB database: the latest value of each key of the topic (the
 * record's bytes as written, decoded when read), the secondary keys a view derives from them, how
 * many values there are, and how far each partition has been applied.
 *
 * <p>RocksDB directly rather than a Kafka Streams global store, because the view must know exactly
 * where its consumer stands in each partition — transaction markers included — to answer "everything
 * committed before now is applied" (contract I3); a global store does not expose its consumer's
 * positions. Here the positions are written in the same atomic batch as the values they produced,
 * so a restart resumes exactly where the applied state ends: nothing re-read, nothing skipped.
 *
 * <p>The write-ahead log is off: after a crash the database reopens at its last flush, values and
 * positions together (one column family, one memtable per batch), and the view re-reads from there.
 * Memory is the process's one RocksDB budget ({@link BoundedStoreMemory}); the heap holds none of it.
 *
 * <p>Thread-safe: one thread writes, any thread reads.
 */
final class ViewDatabase implements AutoCloseable {

    private static final byte VALUE = 1;
    private static final byte INDEX = 2;
    private static final byte POSITION = 3;
    private static final byte[] COUNT = {4};
    private static final byte[] TOPIC = {5};
    private static final byte[] TOMBSTONE = new byte[0];

    static {
        RocksDB.loadLibrary();
    }

    private final String topic;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions writeOptions = new WriteOptions().setDisableWAL(true);
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    private volatile long count;
    private volatile boolean closed;

    private ViewDatabase(String topic, Options options, RocksDB db, long count) {
        this.topic = topic;
        this.options = options;
        this.db = db;
        this.count = count;
    }

    /**
     * Opens (or creates) the view's database in {@code directory}.
     *
     * @throws IllegalStateException if another process holds the directory, or it holds another topic's view
     */
    static ViewDatabase open(Path directory, String topic, long memoryBytes) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the view directory " + directory, e);
        }
        Options options = new Options().setCreateIfMissing(true);
        BoundedStoreMemory.configure(options, memoryBytes);
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        // Nearly every lookup while a view loads is of a key it does not hold yet: a Bloom filter
        // answers those without reading a block, but only while the filter itself is in memory. In
        // the shared cache, beside the memtables, filters are evicted and re-read from disk for
        // every lookup; held by the table readers instead, they cost about 1.5 bytes per key
        // outside the budget, and a lookup of an absent key reads nothing from disk.
        table.setFilterPolicy(new BloomFilter(10));
        table.setCacheIndexAndFilterBlocks(false);
        options.setTableFormatConfig(table);
        RocksDB db;
        try {
            db = RocksDB.open(options, directory.toString());
        } catch (RocksDBException e) {
            options.close();
            throw new IllegalStateException("cannot open the view of " + topic + " in " + directory
                    + " (is another process using it?): " + e.getMessage(), e);
        }
        try {
            byte[] held = db.get(TOPIC);
            if (held == null) {
                db.put(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
            } else if (!Arrays.equals(held, topic.getBytes(StandardCharsets.UTF_8))) {
                throw new IllegalStateException(directory + " holds the view of "
                        + new String(held, StandardCharsets.UTF_8) + ", not of " + topic);
            }
            byte[] count = db.get(COUNT);
            return new ViewDatabase(topic, options, db, count == null ? 0 : ByteBuffer.wrap(count).getLong());
        } catch (RocksDBException | RuntimeException e) {
            db.close();
            options.close();
            throw e instanceof RocksDBException rocks
                    ? new IllegalStateException("cannot open the view of " + topic + ": " + rocks.getMessage(), rocks)
                    : (RuntimeException) e;
        }
    }

    /** The bytes of the latest record of {@code key}, if it has one that is not a tombstone. */
    Optional<byte[]> value(String key) {
        return reading(() -> {
            try {
                return Optional.ofNullable(db.get(valueKey(key)));
            } catch (RocksDBException e) {
                throw failure("read", e);
            }
        });
    }

    /** Values held (keys whose latest record is not a tombstone). */
    long count() {
        return count;
    }

    /** Each partition's next offset to read, as last written; empty for a new database. */
    Map<Integer, Long> positions() {
        return reading(() -> {
            Map<Integer, Long> positions = new HashMap<>();
            try (RocksIterator iterator = db.newIterator()) {
                for (iterator.seek(new byte[] {POSITION}); iterator.isValid() && iterator.key()[0] == POSITION;
                        iterator.next()) {
                    positions.put(ByteBuffer.wrap(iterator.key(), 1, 4).getInt(),
                            ByteBuffer.wrap(iterator.value()).getLong());
                }
            }
            return positions;
        });
    }

    /**
     * Visits the secondary keys that start with {@code prefix}, in byte order, from {@code from}
     * (inclusive; it starts with the prefix too), until {@code visitor} returns false. The keys
     * are given without the prefix.
     */
    void scanIndex(byte[] prefix, byte[] from, Predicate<byte[]> visitor) {
        byte[] start = withTag(INDEX, from);
        byte[] bound = withTag(INDEX, prefix);
        reading(() -> {
            try (RocksIterator iterator = db.newIterator()) {
                for (iterator.seek(start); iterator.isValid(); iterator.next()) {
                    byte[] key = iterator.key();
                    if (!startsWith(key, bound) || !visitor.test(Arrays.copyOfRange(key, bound.length, key.length))) {
                        break;
                    }
                }
            }
            return null;
        });
    }

    /**
     * Visits the values whose keys start with {@code keyPrefix}, in key byte order, until
     * {@code visitor} returns false.
     */
    void scanValues(String keyPrefix, BiPredicate<String, byte[]> visitor) {
        byte[] bound = valueKey(keyPrefix);
        reading(() -> {
            try (RocksIterator iterator = db.newIterator()) {
                for (iterator.seek(bound); iterator.isValid(); iterator.next()) {
                    byte[] key = iterator.key();
                    if (!startsWith(key, bound)) break;
                    String name = new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
                    if (!visitor.test(name, iterator.value())) break;
                }
            }
            return null;
        });
    }

    /** A batch of changes, written at once by {@link Update#commit}. */
    Update update() {
        return new Update();
    }

    @Override
    public void close() {
        Lock lock = open.writeLock();
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            flushAndClose();
        } finally {
            lock.unlock();
        }
    }

    private void flushAndClose() {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush); // without a write-ahead log, what is not flushed is re-read at the next start
        } catch (RocksDBException e) {
            org.slf4j.LoggerFactory.getLogger(ViewDatabase.class).warn("Flushing the view of {} failed", topic, e);
        }
        db.close();
        writeOptions.close();
        options.close();
    }

    /** Changes to a view's state, applied together or not at all. Used by one thread. */
    final class Update implements AutoCloseable {

        private final WriteBatch batch = new WriteBatch();
        /** Each key's value as of this batch ({@link #TOMBSTONE} for none): read once, then as written. */
        private final Map<String, byte[]> pending = new HashMap<>();
        private long countChange;

        /** The bytes of {@code key}'s latest value, counting this batch's changes; read once per key and batch. */
        Optional<byte[]> previous(String key) {
            byte[] bytes = pending.computeIfAbsent(key, absent -> value(absent).orElse(TOMBSTONE));
            return bytes == TOMBSTONE ? Optional.empty() : Optional.of(bytes);
        }

        void putValue(String key, byte[] bytes) {
            if (previous(key).isEmpty()) countChange++;
            pending.put(key, bytes);
            put(valueKey(key), bytes);
        }

        void deleteValue(String key) {
            if (previous(key).isPresent()) countChange--;
            pending.put(key, TOMBSTONE);
            try {
                batch.delete(valueKey(key));
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        void putIndex(byte[] key) {
            put(withTag(INDEX, key), TOMBSTONE);
        }

        void deleteIndex(byte[] key) {
            try {
                batch.delete(withTag(INDEX, key));
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        void position(int partition, long next) {
            put(ByteBuffer.allocate(5).put(POSITION).putInt(partition).array(), ByteBuffer.allocate(8).putLong(next).array());
        }

        void commit() {
            long newCount = count + countChange;
            put(COUNT, ByteBuffer.allocate(8).putLong(newCount).array());
            reading(() -> { // "reading" holds the database open; RocksDB itself serialises the writes
                try {
                    db.write(writeOptions, batch);
                    return null;
                } catch (RocksDBException e) {
                    throw failure("write", e);
                }
            });
            count = newCount;
        }

        private void put(byte[] key, byte[] value) {
            try {
                batch.put(key, value);
            } catch (RocksDBException e) {
                throw failure("write", e);
            }
        }

        @Override
        public void close() {
            batch.close();
        }
    }

    private static byte[] valueKey(String key) {
        return withTag(VALUE, key.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withTag(byte tag, byte[] key) {
        byte[] tagged = new byte[key.length + 1];
        tagged[0] = tag;
        System.arraycopy(key, 0, tagged, 1, key.length);
        return tagged;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private IllegalStateException failure(String what, RocksDBException e) {
        return new IllegalStateException("cannot " + what + " the view of " + topic + ": " + e.getMessage(), e);
    }

    /** Holds the database open while {@code read} runs: RocksDB must not be used once closed. */
    private <T> T reading(Supplier<T> read) {
        Lock lock = open.readLock();
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("the view of " + topic + " is closed");
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
