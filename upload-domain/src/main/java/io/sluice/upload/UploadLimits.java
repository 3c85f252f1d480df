package io.sluice.upload;

/**
 * The configured bounds an upload must stay within. The API and the session processor read the
 * same settings, so both apply the same bounds.
 *
 * @param maxUploadSize largest size in bytes
 * @param chunkSizeDefault chunk size when the request names none (unless it would give too many chunks)
 * @param chunkSizeMin smallest chunk size a request may name
 * @param chunkSizeMax largest chunk size a request may name
 * @param maxChunkCount most chunks one upload may have
 * @param parkedBytesMax bytes of chunks ahead of the hash frontier one upload may park
 */
public record UploadLimits(long maxUploadSize, int chunkSizeDefault, int chunkSizeMin, int chunkSizeMax,
        int maxChunkCount, long parkedBytesMax) {

    public static final int DEFAULT_MAX_CHUNK_COUNT = 100_000;

    public UploadLimits {
        if (maxUploadSize <= 0) throw new IllegalArgumentException("the maximum upload size must be positive");
        if (chunkSizeMin <= 0 || chunkSizeMin > chunkSizeDefault || chunkSizeDefault > chunkSizeMax) {
            throw new IllegalArgumentException("chunk sizes must satisfy 0 < minimum <= default <= maximum");
        }
        if (maxChunkCount <= 0) throw new IllegalArgumentException("the maximum chunk count must be positive");
        if ((long) maxChunkCount * chunkSizeMax < maxUploadSize) {
            throw new IllegalArgumentException("the maximum upload size (" + maxUploadSize
                    + ") cannot be reached: it needs more than the maximum chunk count (" + maxChunkCount
                    + ") of the largest chunks (" + chunkSizeMax + " bytes)");
        }
        if (parkedBytesMax < 0) throw new IllegalArgumentException("the parking bound must not be negative");
    }

    /**
     * The chunk size of an upload of {@code size} bytes whose request names none: the default, or
     * the smallest size that keeps the count within {@link #maxChunkCount} when the default would not.
     */
    public int chunkSizeFor(long size) {
        long fitting = Math.ceilDiv(Math.max(size, 1), maxChunkCount);
        return (int) Math.min(chunkSizeMax, Math.max(chunkSizeDefault, fitting));
    }
}
