package io.sluice.session.topology;

import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.session.domain.ChunkEntries;
import io.sluice.session.domain.ChunkEntry;
import io.sluice.session.domain.Sha256;
import java.nio.ByteBuffer;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Chunk entries in the {@code upload-chunks} store (RocksDB, changelogged), keyed by {@link ChunkKeys}
 * so one upload's chunks sit together in index order. Remembers the entries written until
 * {@link #drainChanged}, so the processor can publish their progress without reading them back.
 * Values: a flag byte (1 = accepted, 2 = stored), the accepted SHA-256 if any, then the pending
 * stored reports.
 */
final class ChunkEntryStore implements ChunkEntries {

    private static final byte ACCEPTED = 1;
    private static final byte STORED = 2;

    private final KeyValueStore<String, byte[]> store;
    private final SortedMap<Integer, ChunkEntry> changed = new TreeMap<>();

    ChunkEntryStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static String key(String uploadId, int index) {
        return ChunkKeys.key(uploadId, index);
    }

    @Override
    public ChunkEntry get(String uploadId, int index) {
        byte[] bytes = store.get(key(uploadId, index));
        return bytes == null ? null : decode(bytes);
    }

    @Override
    public void put(String uploadId, int index, ChunkEntry entry) {
        store.put(key(uploadId, index), encode(entry));
        changed.put(index, entry);
    }

    @Override
    public void scan(String uploadId, int from, Visitor visitor) {
        try (KeyValueIterator<String, byte[]> entries = store.range(key(uploadId, Math.max(0, from)),
                ChunkKeys.lastKey(uploadId))) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                if (!visitor.visit(ChunkKeys.indexOf(entry.key), decode(entry.value))) return;
            }
        }
    }

    @Override
    public SortedMap<Integer, ChunkEntry> deleteAll(String uploadId) {
        SortedMap<Integer, ChunkEntry> removed = new TreeMap<>();
        scan(uploadId, 0, (index, entry) -> removed.put(index, entry) == null);
        removed.keySet().forEach(index -> store.delete(key(uploadId, index)));
        return removed;
    }

    /** The entries written since the last call, by index (the last write of each). */
    SortedMap<Integer, ChunkEntry> drainChanged() {
        SortedMap<Integer, ChunkEntry> drained = new TreeMap<>(changed);
        changed.clear();
        return drained;
    }

    static byte[] encode(ChunkEntry entry) {
        int digests = (entry.isAccepted() ? Sha256.LENGTH : 0) + entry.reports().length;
        ByteBuffer buffer = ByteBuffer.allocate(1 + digests);
        buffer.put((byte) ((entry.isAccepted() ? ACCEPTED : 0) | (entry.stored() ? STORED : 0)));
        if (entry.isAccepted()) buffer.put(entry.accepted());
        return buffer.put(entry.reports()).array();
    }

    static ChunkEntry decode(byte[] bytes) {
        byte flags = bytes[0];
        int offset = 1;
        byte[] accepted = null;
        if ((flags & ACCEPTED) != 0) {
            accepted = java.util.Arrays.copyOfRange(bytes, 1, 1 + Sha256.LENGTH);
            offset += Sha256.LENGTH;
        }
        return new ChunkEntry(accepted, (flags & STORED) != 0, java.util.Arrays.copyOfRange(bytes, offset, bytes.length));
    }
}
