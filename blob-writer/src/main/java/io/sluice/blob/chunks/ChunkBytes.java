package io.sluice.blob.chunks;

import java.nio.ByteBuffer;

/** A chunk payload as a byte array, without a copy when the buffer already wraps exactly one. */
final class ChunkBytes {

    private ChunkBytes() {}

    /** The decoder allocates each payload's own array, so this is normally the buffer's array itself. */
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
