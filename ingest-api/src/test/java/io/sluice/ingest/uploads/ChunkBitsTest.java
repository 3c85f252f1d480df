package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.Samples;
import org.junit.jupiter.api.Test;

class ChunkBitsTest {

    @Test
    void shouldListPresentAndAbsentIndexesBelowTheChunkCount() {
        ChunkBits bits = ChunkBits.of(Samples.bits(0, 2, 9), 5);
        assertThat(bits.present()).containsExactly(0, 2);
        assertThat(bits.absent()).containsExactly(1, 3, 4);
        assertThat(bits.has(2)).isTrue();
        assertThat(bits.has(1)).isFalse();
    }

    @Test
    void shouldCountAndPageIndexesBelowTheChunkCountOnly() {
        ChunkBits bits = ChunkBits.of(Samples.bits(0, 2, 3, 9), 5);
        assertThat(bits.presentCount()).isEqualTo(3);
        assertThat(bits.absentCount()).isEqualTo(2);
        assertThat(bits.present(1, 1)).containsExactly(2);
        assertThat(bits.absent(2, 10)).containsExactly(4);
        assertThat(bits.absentRanges(0, 10)).containsExactly(new int[] {1, 1}, new int[] {4, 4});
        assertThat(bits.absentRanges(0, 1)).hasSize(1);
    }

    @Test
    void shouldReadAnEmptyBitsetAsNothingPresent() {
        ChunkBits bits = ChunkBits.of(new java.util.BitSet(), 3);
        assertThat(bits.present()).isEmpty();
        assertThat(bits.absent()).containsExactly(0, 1, 2);
    }

    @Test
    void shouldLeaveTheGivenSetAsItWas() {
        java.util.BitSet given = Samples.bits(1, 2);
        ChunkBits.of(given, 3);
        given.set(0);
        assertThat(ChunkBits.of(Samples.bits(1, 2), 3).present()).containsExactly(1, 2);
        assertThat(given).isEqualTo(Samples.bits(0, 1, 2));
    }
}
