package io.sluice.blob.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.ChunkRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblyStrategyTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void shouldComposeWhenEveryChunkButTheLastHasAtLeastFiveMiB() {
        assertThat(AssemblyStrategy.choose(chunks(5 * MIB, 8 * MIB, 1))).isEqualTo(AssemblyStrategy.COMPOSE);
    }

    @Test
    void shouldCopyByStreamingWhenAChunkBeforeTheLastIsBelowFiveMiB() {
        assertThat(AssemblyStrategy.choose(chunks(5 * MIB - 1, 5 * MIB - 1, 5 * MIB)))
                .isEqualTo(AssemblyStrategy.STREAMING_COPY);
        assertThat(AssemblyStrategy.choose(chunks(8 * MIB, 4 * MIB, 8 * MIB)))
                .isEqualTo(AssemblyStrategy.STREAMING_COPY);
    }

    @Test
    void shouldComposeASingleChunkOfAnySize() {
        assertThat(AssemblyStrategy.choose(chunks(1))).isEqualTo(AssemblyStrategy.COMPOSE);
    }

    @Test
    void shouldCopyByStreamingBeyondTheMultipartPartLimit() {
        int[] lengths = new int[AssemblyStrategy.MAX_PARTS + 1];
        Arrays.fill(lengths, 5 * MIB);
        assertThat(AssemblyStrategy.choose(chunks(lengths))).isEqualTo(AssemblyStrategy.STREAMING_COPY);
        assertThat(AssemblyStrategy.choose(chunks(Arrays.copyOf(lengths, AssemblyStrategy.MAX_PARTS))))
                .isEqualTo(AssemblyStrategy.COMPOSE);
    }

    @Test
    void shouldRefuseAnUploadWithoutChunks() {
        assertThatThrownBy(() -> AssemblyStrategy.choose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ChunkRef> chunks(int... lengths) {
        List<ChunkRef> chunks = new ArrayList<>();
        for (int i = 0; i < lengths.length; i++) {
            chunks.add(new ChunkRef(i, lengths[i], "0".repeat(64), "uploads/x/chunks/" + i));
        }
        return chunks;
    }
}
