package io.sluice.blob.chunks;

import java.nio.ByteBuffer;

/** A chunk payload as a byte array, without a copy when the buffer already wraps exactly one. */
final class ChunkBytes {

    private ChunkBytes() {}

    /**
     * A decoded chunk is a view of its record's array (the deserialiser does not copy it), so this
     * copies it out: the MinIO SDK sends whole arrays only.
     */
    static byte[] arrayOf(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
