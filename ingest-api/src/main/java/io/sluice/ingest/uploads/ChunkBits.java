package io.sluice.ingest.uploads;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A set of an upload's chunks (received or stored), bit i = chunk i.
 * Lists are taken a page at a time: an upload may have as many chunks as the configured maximum.
 */
public final class ChunkBits {

    private final BitSet bits;
    private final int chunkCount;

    private ChunkBits(BitSet bits, int chunkCount) {
        this.bits = bits;
        this.chunkCount = chunkCount;
    }

    public static ChunkBits of(BitSet bits, int chunkCount) {
        return new ChunkBits((BitSet) bits.clone(), chunkCount);
    }

    public boolean has(int index) {
        return bits.get(index);
    }

    /** How many indexes below the chunk count are set. */
    public int presentCount() {
        int beyond = bits.length() > chunkCount ? bits.get(chunkCount, bits.length()).cardinality() : 0;
        return bits.cardinality() - beyond;
    }

    public int absentCount() {
        return chunkCount - presentCount();
    }

    /** The set indexes below the chunk count, ascending. */
    public List<Integer> present() {
        return present(0, Integer.MAX_VALUE);
    }

    /** At most {@code limit} set indexes from {@code from} on, ascending. */
    public List<Integer> present(int from, int limit) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = bits.nextSetBit(Math.max(0, from)); i >= 0 && i < chunkCount && indexes.size() < limit;
                i = bits.nextSetBit(i + 1)) {
            indexes.add(i);
        }
        return indexes;
    }

    /** The clear indexes below the chunk count, ascending. */
    public List<Integer> absent() {
        return absent(0, Integer.MAX_VALUE);
    }

    /** At most {@code limit} clear indexes from {@code from} on, ascending. */
    public List<Integer> absent(int from, int limit) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = bits.nextClearBit(Math.max(0, from)); i < chunkCount && indexes.size() < limit;
                i = bits.nextClearBit(i + 1)) {
            indexes.add(i);
        }
        return indexes;
    }

    /** At most {@code limit} runs of clear indexes from {@code from} on, each {@code [first, last]}, ascending. */
    public List<int[]> absentRanges(int from, int limit) {
        List<int[]> ranges = new ArrayList<>();
        int first = bits.nextClearBit(Math.max(0, from));
        while (first < chunkCount && ranges.size() < limit) {
            int end = Math.min(chunkCount, bits.nextSetBit(first) < 0 ? chunkCount : bits.nextSetBit(first));
            ranges.add(new int[] {first, end - 1});
            first = bits.nextClearBit(end);
        }
        return ranges;
    }
}
