package io.sluice.ingest.uploads;

import io.sluice.upload.ChunkGrid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The uploads this instance opened most recently, with their shapes. A create is answered once its
 * {@code UploadOpened} is in Kafka, before the session processor has projected a status; a chunk
 * sent right after it (a client's very next call) is checked against the shape kept here, so it is
 * queued at once instead of waiting for the status or being refused as unknown. Bounded in number
 * (the oldest entries go first, by which time their statuses exist) and in age: past it, an upload
 * with no status is not one about to get its first, but one forgotten after the retention.
 */
public final class RecentlyOpened {

    /** An upload as its creator described it. */
    public record Opened(String tenant, ChunkGrid shape) {}

    private record Remembered(Opened opened, Instant at) {}

    private final Map<String, Remembered> entries;
    private final Duration maxAge;
    private final Clock clock;

    public RecentlyOpened(int capacity, Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void remember(String uploadId, String tenant, ChunkGrid shape) {
        entries.put(uploadId, new Remembered(new Opened(tenant, shape), clock.instant()));
    }

    /** The upload, if this instance opened it recently for this tenant. */
    public synchronized Optional<Opened> get(String uploadId, String tenant) {
        Remembered entry = entries.get(uploadId);
        if (entry == null) return Optional.empty();
        if (entry.at().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(uploadId);
            return Optional.empty();
        }
        return Optional.of(entry.opened()).filter(opened -> opened.tenant().equals(tenant));
    }
}
