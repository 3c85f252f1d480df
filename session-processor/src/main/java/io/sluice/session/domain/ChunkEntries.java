package io.sluice.session.domain;

import java.util.SortedMap;

/**
 * Durable per-chunk state of sessions, one {@link ChunkEntry} per chunk under its own key (a state
 * store in the processor, a map in tests). Kept apart from the session's own record so that one
 * chunk event reads and writes one entry, whatever the upload's chunk count.
 */
public interface ChunkEntries {

    /** The entry of a chunk, or null when nothing is known about it yet. */
    ChunkEntry get(String uploadId, int index);

    void put(String uploadId, int index, ChunkEntry entry);

    /** Visits the upload's entries from index {@code from} on, ascending, until the visitor returns false. */
    void scan(String uploadId, int from, Visitor visitor);

    /** Removes every entry of the upload; returns them, by index. */
    SortedMap<Integer, ChunkEntry> deleteAll(String uploadId);

    @FunctionalInterface
    interface Visitor {
        boolean visit(int index, ChunkEntry entry);
    }
}
