package io.sluice.ingest.uploads;

/**
 * How an upload is cut into chunks (SPEC.md, chunk rules): {@code chunkCount = ceil(size / chunkSize)};
 * every chunk but the last is exactly {@code chunkSize} bytes, the last is the remainder.
 */
public record UploadShape(long size, int chunkSize, int chunkCount) {

    public static UploadShape of(long size, int chunkSize) {
        return new UploadShape(size, chunkSize, Math.toIntExact((size + chunkSize - 1) / chunkSize));
    }

    /** The exact length of chunk {@code index}. */
    public int expectedLength(int index) {
        if (index < 0 || index >= chunkCount) throw new IndexOutOfBoundsException(index);
        if (index < chunkCount - 1) return chunkSize;
        return Math.toIntExact(size - (long) chunkSize * (chunkCount - 1));
    }
}
