package io.sluice.upload;

/**
 * How an upload is cut into chunks: {@code chunkCount = ceil(size / chunkSize)}; every chunk but
 * the last is exactly {@code chunkSize} bytes, the last is the remainder.
 */
public record ChunkGrid(long size, int chunkSize, int chunkCount) {

    public ChunkGrid {
        if (size <= 0) throw new IllegalArgumentException("size must be positive: " + size);
        if (chunkSize <= 0) throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        if (chunkCount != chunkCount(size, chunkSize)) {
            throw new IllegalArgumentException("chunkCount must be ceil(size / chunkSize) = " + chunkCount(size, chunkSize));
        }
    }

    /** The grid of an upload; {@code size} and {@code chunkSize} positive, the count within an {@code int}. */
    public static ChunkGrid of(long size, int chunkSize) {
        if (size <= 0 || chunkSize <= 0) throw new IllegalArgumentException("size and chunkSize must be positive");
        long count = chunkCount(size, chunkSize);
        if (count > Integer.MAX_VALUE) throw new IllegalArgumentException("too many chunks: " + count);
        return new ChunkGrid(size, chunkSize, (int) count);
    }

    /** {@code ceil(size / chunkSize)} for positive numbers, without overflow. */
    public static long chunkCount(long size, long chunkSize) {
        return Math.ceilDiv(size, chunkSize);
    }

    public boolean hasIndex(long index) {
        return index >= 0 && index < chunkCount;
    }

    /** The exact length of chunk {@code index}. */
    public int expectedLength(int index) {
        if (!hasIndex(index)) throw new IndexOutOfBoundsException(index);
        if (index < chunkCount - 1) return chunkSize;
        return Math.toIntExact(size - (long) chunkSize * (chunkCount - 1));
    }
}
