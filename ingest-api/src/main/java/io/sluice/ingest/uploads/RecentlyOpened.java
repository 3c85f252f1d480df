package io.sluice.ingest.uploads;

import io.sluice.upload.ChunkGrid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The uploads this instance opened most recently, with their shapes. A create is answered once its
 * {@code UploadOpened} is in Kafka, before the session processor has projected a status; a chunk
 * sent right after it (a client's very next call) is checked against the shape kept here, so it is
 * queued at once instead of waiting for the status or being refused as unknown. Bounded: the oldest
 * entries go first, by which time their statuses exist.
 */
public final class RecentlyOpened {

    /** An upload as its creator described it. */
    public record Opened(String tenant, ChunkGrid shape) {}

    private final Map<String, Opened> entries;

    public RecentlyOpened(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Opened> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(String uploadId, String tenant, ChunkGrid shape) {
        entries.put(uploadId, new Opened(tenant, shape));
    }

    /** The upload, if this instance opened it recently for this tenant. */
    public synchronized Optional<Opened> get(String uploadId, String tenant) {
        return Optional.ofNullable(entries.get(uploadId)).filter(opened -> opened.tenant().equals(tenant));
    }
}
