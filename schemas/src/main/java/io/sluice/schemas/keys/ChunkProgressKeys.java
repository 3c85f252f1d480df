package io.sluice.schemas.keys;

import java.util.Locale;

/**
 * Keys of the chunk progress topic: {@code <uploadId>/<index, ten digits>}, so that one upload's
 * chunks sort together in index order wherever keys are kept in byte order.
 */
public final class ChunkProgressKeys {

    private ChunkProgressKeys() {}

    public static String key(String uploadId, int index) {
        if (index < 0) throw new IllegalArgumentException("negative chunk index");
        return String.format(Locale.ROOT, "%s/%010d", uploadId, index);
    }

    /** The first key of an upload's chunks and everything after it in byte order. */
    public static String prefix(String uploadId) {
        return uploadId + "/";
    }
}
