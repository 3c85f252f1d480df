package io.sluice.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ChunkGridTest {

    @Test
    void shouldCutASizeIntoFullChunksAndARemainder() {
        ChunkGrid grid = ChunkGrid.of(10, 4);
        assertThat(grid.chunkCount()).isEqualTo(3);
        assertThat(grid.expectedLength(0)).isEqualTo(4);
        assertThat(grid.expectedLength(1)).isEqualTo(4);
        assertThat(grid.expectedLength(2)).isEqualTo(2);
    }

    @Test
    void shouldMakeTheLastChunkFullWhenTheSizeDivides() {
        ChunkGrid grid = ChunkGrid.of(8, 4);
        assertThat(grid.chunkCount()).isEqualTo(2);
        assertThat(grid.expectedLength(1)).isEqualTo(4);
    }

    @Test
    void shouldAllowAChunkSizeLargerThanTheFile() {
        ChunkGrid grid = ChunkGrid.of(3, 4);
        assertThat(grid.chunkCount()).isEqualTo(1);
        assertThat(grid.expectedLength(0)).isEqualTo(3);
        assertThatThrownBy(() -> grid.expectedLength(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldCountChunksOfTheLargestSizesWithoutOverflow() {
        assertThat(ChunkGrid.chunkCount(Long.MAX_VALUE, 1L << 24)).isEqualTo((Long.MAX_VALUE >> 24) + 1);
        assertThatThrownBy(() -> ChunkGrid.of(Long.MAX_VALUE, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAGridWhoseCountIsNotTheSizes() {
        assertThatThrownBy(() -> new ChunkGrid(10, 4, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void chunkLengthsAddUpToTheSize(@ForAll @LongRange(min = 1, max = 1L << 40) long size,
            @ForAll @IntRange(min = 1 << 16, max = 1 << 24) int chunkSize) {
        ChunkGrid grid = ChunkGrid.of(size, chunkSize);
        long full = (long) chunkSize * (grid.chunkCount() - 1);
        assertThat(full + grid.expectedLength(grid.chunkCount() - 1)).isEqualTo(size);
        assertThat(grid.expectedLength(grid.chunkCount() - 1)).isBetween(1, chunkSize);
    }
}
