package io.sluice.session.domain;

/**
 * Durable storage for chunks that arrived ahead of the hash frontier (a state store in the
 * processor, a map in tests). The session decides what is parked; this only holds the bytes.
 */
public interface ParkedChunks {

    void park(String uploadId, int index, byte[] bytes);

    /** Returns and removes the parked bytes of a chunk; throws if they are not there. */
    byte[] take(String uploadId, int index);

    /** Drops a parked chunk if present (the upload ended before it was absorbed). */
    void discard(String uploadId, int index);
}
