package io.sluice.session.topology;

import io.sluice.session.domain.ParkedChunks;
import io.sluice.schemas.keys.ChunkKeys;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Parked chunks in the {@code parked-chunks} store (RocksDB, changelogged), keyed by
 * {@link ChunkKeys} so one upload's chunks sit together in key order.
 */
final class ParkedChunkStore implements ParkedChunks {

    private final KeyValueStore<String, byte[]> store;

    ParkedChunkStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static String key(String uploadId, int index) {
        return ChunkKeys.key(uploadId, index);
    }

    @Override
    public void park(String uploadId, int index, byte[] bytes) {
        store.put(key(uploadId, index), bytes);
    }

    @Override
    public byte[] take(String uploadId, int index) {
        byte[] bytes = store.delete(key(uploadId, index));
        if (bytes == null) {
            throw new IllegalStateException("parked chunk " + index + " of " + uploadId + " is missing from the store");
        }
        return bytes;
    }

    @Override
    public void discard(String uploadId, int index) {
        store.delete(key(uploadId, index));
    }
}
