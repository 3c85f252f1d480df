package io.sluice.session.topology;

import io.sluice.session.domain.ChunkEntries;
import io.sluice.session.domain.ChunkEntry;
import io.sluice.session.domain.Sha256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Chunk entries in the {@code upload-chunks} store (RocksDB, changelogged), keyed
 * {@code <uploadId>/<index, zero-padded>} so one upload's chunks sit together in index order.
 * Remembers which chunks changed until {@link #drainChanged}, so the processor can publish their
 * progress. Values: a flag byte (1 = accepted, 2 = stored), the accepted SHA-256 if any, then the
 * pending stored reports.
 */
final class ChunkEntryStore implements ChunkEntries {

    private static final byte ACCEPTED = 1;
    private static final byte STORED = 2;

    private final KeyValueStore<String, byte[]> store;
    private final List<Integer> changed = new ArrayList<>();

    ChunkEntryStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    static String key(String uploadId, int index) {
        return String.format(Locale.ROOT, "%s/%010d", uploadId, index);
    }

    @Override
    public ChunkEntry get(String uploadId, int index) {
        byte[] bytes = store.get(key(uploadId, index));
        return bytes == null ? null : decode(bytes);
    }

    @Override
    public void put(String uploadId, int index, ChunkEntry entry) {
        store.put(key(uploadId, index), encode(entry));
        changed.add(index);
    }

    @Override
    public void scan(String uploadId, int from, Visitor visitor) {
        try (KeyValueIterator<String, byte[]> entries = store.range(key(uploadId, Math.max(0, from)),
                key(uploadId, Integer.MAX_VALUE))) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                if (!visitor.visit(indexOf(entry.key), decode(entry.value))) return;
            }
        }
    }

    @Override
    public void deleteAll(String uploadId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.range(key(uploadId, 0), key(uploadId, Integer.MAX_VALUE))) {
            entries.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(store::delete);
    }

    /** The indexes whose entries were written since the last call, in the order written (repeats possible). */
    List<Integer> drainChanged() {
        List<Integer> drained = List.copyOf(changed);
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

    private static int indexOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
    }
}
