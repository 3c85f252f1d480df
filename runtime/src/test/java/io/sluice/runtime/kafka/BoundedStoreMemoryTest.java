package io.sluice.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedStoreMemoryTest {

    private static final Map<String, Object> CONFIGS = Map.of(BoundedStoreMemory.TOTAL_BYTES_CONFIG, 8L << 20);

    @Test
    void shouldGiveEveryStoreTheOneSharedCacheAndWriteBufferManager() {
        BoundedStoreMemory setter = new BoundedStoreMemory();
        try (Options first = new Options(); Options second = new Options()) {
            setter.setConfig("upload-sessions", first, CONFIGS);
            setter.setConfig("parked-chunks", second, CONFIGS);

            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
            assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
            assertThat(((BlockBasedTableConfig) first.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        }
    }

    @Test
    void shouldChargeAStoresMemtableToTheSharedCache() throws Exception {
        RocksDB.loadLibrary();
        Path dir = Files.createDirectories(Path.of(System.getProperty("sluice.build.dir", "target"), "rocksdb-budget"));
        BoundedStoreMemory.Shared shared = BoundedStoreMemory.shared(8L << 20);
        long before = shared.cache().getUsage();
        try (Options options = new Options().setCreateIfMissing(true)) {
            new BoundedStoreMemory().setConfig("chunks", options, CONFIGS);
            try (RocksDB db = RocksDB.open(options, Files.createTempDirectory(dir, "store").toString())) {
                byte[] value = new byte[64 * 1024];
                for (int i = 0; i < 32; i++) db.put(("key-" + i).getBytes(), value);

                assertThat(shared.cache().getUsage()).as("cache usage once 2 MiB are in a memtable")
                        .isGreaterThan(before + (1 << 20));
            }
        }
    }
}
