package io.sluice.schemas.keys;

import java.util.Locale;

/**
 * The key of one chunk of an upload, {@code <uploadId>/<index, ten digits>}, wherever chunks are
 * kept by key — the chunk progress topic, the session processor's chunk and parked-chunk stores —
 * so that one upload's chunks sort together, in index order.
 */
public final class ChunkKeys {

    private ChunkKeys() {}

    public static String key(String uploadId, int index) {
        if (index < 0) throw new IllegalArgumentException("negative chunk index");
        return String.format(Locale.ROOT, "%s/%010d", uploadId, index);
    }

    /** The last key an upload's chunks can have: {@code key(uploadId, 0)} to this spans them all. */
    public static String lastKey(String uploadId) {
        return key(uploadId, Integer.MAX_VALUE);
    }

    /** The first key of an upload's chunks and everything after it in byte order. */
    public static String prefix(String uploadId) {
        return uploadId + "/";
    }

    /** The chunk index a key names. */
    public static int indexOf(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('/') + 1));
    }
}
