package io.sluice.runtime.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One off-heap memory budget for every RocksDB store of the process ({@code SLUICE_STATE_STORE_MEMORY}).
 * Left alone, each store instance — one per store per partition — takes its own block cache (about
 * 50 MB) and up to three 16 MB memtables, so a Streams app's resident memory grows with its
 * partitions and stores, whatever its heap. Here every store shares one LRU cache, and a write-buffer
 * manager charges the memtables to that same cache (half of it at most), with index and filter
 * blocks in it too: what the stores hold in memory stays within the one budget.
 *
 * <p>The cache and the manager belong to the process, not to a store, so {@link #close} leaves
 * them open; they live as long as the JVM.
 */
public final class BoundedStoreMemory implements RocksDBConfigSetter {

    /** The Streams property naming the budget in bytes (set by {@link StreamsSettings}). */
    public static final String TOTAL_BYTES_CONFIG = "sluice.state.store.memory.bytes";

    /** Share of the cache kept for index and filter blocks (high priority). */
    private static final double INDEX_FILTER_RATIO = 0.1;
    private static final int MEMTABLES_PER_STORE = 2;

    private static final Logger log = LoggerFactory.getLogger(BoundedStoreMemory.class);
    private static Shared shared;

    /** The process's cache and write-buffer manager, made once with the first budget asked for. */
    record Shared(long totalBytes, Cache cache, WriteBufferManager writeBuffers) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        configure(options, totalBytes(configs));
    }

    /**
     * Puts a RocksDB database opened outside Kafka Streams (the ingest API's views) under the same
     * process-wide budget as the Streams stores.
     */
    public static void configure(Options options, long totalBytes) {
        if (totalBytes < (1 << 20)) throw new IllegalArgumentException("the store memory must be at least 1 MiB");
        Shared memory = shared(totalBytes);
        // Streams hands over its own table config (keep its other settings); plain Options have none.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig existing
                ? existing : new BlockBasedTableConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the manager are shared by every store of the process: nothing to close here.
    }

    static synchronized Shared shared(long totalBytes) {
        if (shared == null) {
            Cache cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_RATIO);
            shared = new Shared(totalBytes, cache, new WriteBufferManager(totalBytes / 2, cache));
            log.info("RocksDB stores share {} bytes of memory (block cache, memtables at most half of it)", totalBytes);
        } else if (shared.totalBytes() != totalBytes) {
            log.warn("RocksDB stores already share {} bytes; a budget of {} asked later is not applied",
                    shared.totalBytes(), totalBytes);
        }
        return shared;
    }

    private static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES_CONFIG);
        if (value == null) throw new IllegalStateException(TOTAL_BYTES_CONFIG + " is not set");
        return Long.parseLong(value.toString());
    }
}
