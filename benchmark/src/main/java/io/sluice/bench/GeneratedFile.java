package io.sluice.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The bytes of a benchmark file, never held whole: byte {@code p} depends only on the seed and
 * {@code p}, so any piece can be generated on its own, and a file cut into 8 MiB chunks (Sluice)
 * or 16 MiB parts (the direct PUT) is the same bytes either way.
 *
 * <p>SplitMix64 in counter mode: the k-th eight bytes are {@code mix(seed + k * GOLDEN)}. Fast
 * (several GB/s on one core, a few times SHA-256's speed) and incompressible, so neither
 * compression in Kafka nor in the store could flatter a figure.
 */
record GeneratedFile(String name, long size, long seed) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    GeneratedFile {
        if (size <= 0) throw new IllegalArgumentException("size must be positive: " + size);
    }

    /** The i-th of several files of one scenario: its own seed, so no two share bytes. */
    static GeneratedFile of(String name, long size, long scenarioSeed, int index) {
        return new GeneratedFile(name, size, mix(scenarioSeed + (index + 1L) * GOLDEN));
    }

    /** How many pieces of {@code pieceSize} bytes cover the file; the last may be shorter. */
    int pieceCount(int pieceSize) {
        return (int) ((size + pieceSize - 1) / pieceSize);
    }

    /** Length of piece {@code index}: {@code pieceSize}, the last one the remainder. */
    int pieceLength(int index, int pieceSize) {
        return (int) Math.min(pieceSize, size - (long) index * pieceSize);
    }

    /**
     * Writes piece {@code index} into the start of {@code into}, returns its length. Pieces start
     * at multiples of eight bytes (every chunk and part size is), so each is whole words but maybe
     * its last.
     */
    int fillPiece(int index, int pieceSize, byte[] into) {
        if (pieceSize % Long.BYTES != 0) throw new IllegalArgumentException("piece size not a multiple of 8: " + pieceSize);
        int length = pieceLength(index, pieceSize);
        long word = (long) index * pieceSize / Long.BYTES;
        int position = 0;
        for (; position + Long.BYTES <= length; position += Long.BYTES, word++) {
            LONGS.set(into, position, mix(seed + word * GOLDEN));
        }
        long last = mix(seed + word * GOLDEN);
        for (; position < length; position++, last >>>= 8) into[position] = (byte) last;
        return length;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
