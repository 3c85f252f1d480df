package io.sluice.session.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link ChunkEntries} in sorted maps, for domain tests. */
final class InMemoryChunkEntries implements ChunkEntries {

    final Map<String, TreeMap<Integer, ChunkEntry>> uploads = new HashMap<>();

    @Override
    public ChunkEntry get(String uploadId, int index) {
        TreeMap<Integer, ChunkEntry> entries = uploads.get(uploadId);
        return entries == null ? null : entries.get(index);
    }

    @Override
    public void put(String uploadId, int index, ChunkEntry entry) {
        uploads.computeIfAbsent(uploadId, id -> new TreeMap<>()).put(index, entry);
    }

    @Override
    public void scan(String uploadId, int from, Visitor visitor) {
        TreeMap<Integer, ChunkEntry> entries = uploads.get(uploadId);
        if (entries == null) return;
        for (Map.Entry<Integer, ChunkEntry> entry : entries.tailMap(from, true).entrySet()) {
            if (!visitor.visit(entry.getKey(), entry.getValue())) return;
        }
    }

    @Override
    public SortedMap<Integer, ChunkEntry> deleteAll(String uploadId) {
        TreeMap<Integer, ChunkEntry> removed = uploads.remove(uploadId);
        return removed == null ? new TreeMap<>() : removed;
    }

    /** A copy holding equal entries, so a restored session can be compared with the original. */
    InMemoryChunkEntries copy() {
        InMemoryChunkEntries copy = new InMemoryChunkEntries();
        uploads.forEach((id, entries) -> copy.uploads.put(id, new TreeMap<>(entries)));
        return copy;
    }
}
