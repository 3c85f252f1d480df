package io.sluice.blob.assembly;

import io.sluice.events.ChunkRef;
import java.util.List;

/** How the chunk objects of a verified upload become one asset object. */
public enum AssemblyStrategy {

    /** Server-side multipart copy of the chunk objects: no bytes pass through the blob writer. */
    COMPOSE,

    /** The blob writer reads the chunk objects in order and writes the asset in bounded parts. */
    STREAMING_COPY;

    /** S3's smallest multipart part, every part but the last (AWS, MinIO and S3Proxy enforce it). */
    public static final long MIN_PART_BYTES = 5L * 1024 * 1024;

    /** S3's largest number of parts in one multipart upload. */
    public static final int MAX_PARTS = 10_000;

    /** Compose where S3's part rules allow it (each chunk becomes one part), else a streaming copy. */
    public static AssemblyStrategy choose(List<ChunkRef> chunks) {
        if (chunks.isEmpty()) throw new IllegalArgumentException("an upload has at least one chunk");
        if (chunks.size() > MAX_PARTS) return STREAMING_COPY;
        for (int i = 0; i < chunks.size() - 1; i++) {
            if (chunks.get(i).getLength() < MIN_PART_BYTES) return STREAMING_COPY;
        }
        return COMPOSE;
    }
}
