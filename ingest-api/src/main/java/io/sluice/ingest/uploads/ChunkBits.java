package io.sluice.ingest.uploads;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** A status's chunk bitset ({@code BitSet.toByteArray} order), read without disturbing the buffer. */
public final class ChunkBits {

    private final BitSet bits;
    private final int chunkCount;

    private ChunkBits(BitSet bits, int chunkCount) {
        this.bits = bits;
        this.chunkCount = chunkCount;
    }

    public static ChunkBits of(ByteBuffer bitset, int chunkCount) {
        return new ChunkBits(BitSet.valueOf(bitset.duplicate()), chunkCount);
    }

    public boolean has(int index) {
        return bits.get(index);
    }

    /** The set indexes below the chunk count, ascending. */
    public List<Integer> present() {
        List<Integer> indexes = new ArrayList<>(bits.cardinality());
        for (int i = bits.nextSetBit(0); i >= 0 && i < chunkCount; i = bits.nextSetBit(i + 1)) indexes.add(i);
        return indexes;
    }

    /** The clear indexes below the chunk count, ascending. */
    public List<Integer> absent() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = bits.nextClearBit(0); i < chunkCount; i = bits.nextClearBit(i + 1)) indexes.add(i);
        return indexes;
    }
}
