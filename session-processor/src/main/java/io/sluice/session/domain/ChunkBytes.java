package io.sluice.session.domain;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A chunk's bytes where they already are: a range of an array — the request record's own array as
 * it was read, so a chunk of up to 16 MiB is hashed without being copied first. Copied only when it
 * must outlive the record (parking).
 */
public record ChunkBytes(byte[] array, int offset, int length) {

    public ChunkBytes {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + array.length);
        }
    }

    public static ChunkBytes of(byte[] bytes) {
        return new ChunkBytes(bytes, 0, bytes.length);
    }

    /** The buffer's remaining bytes, in place when it has an array (a decoded record's do), else copied. */
    public static ChunkBytes of(ByteBuffer buffer) {
        if (buffer.hasArray()) return new ChunkBytes(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return of(copy);
    }

    public byte[] sha256() {
        return Sha256.of(array, offset, length);
    }

    /** Adds the bytes to a rolling hash. */
    public void hashInto(RollingSha256 hash) {
        hash.update(array, offset, length);
    }

    /** The bytes in an array of their own. */
    public byte[] copy() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }
}
