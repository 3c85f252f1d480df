package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratedFileTest {

    private static final int MIB = 1 << 20;

    @Test
    void shouldBeTheSameBytesWhateverThePieceSize() {
        GeneratedFile file = new GeneratedFile("f", 5 * MIB + 12345, 42);

        assertThat(concatenated(file, MIB)).isEqualTo(concatenated(file, 2 * MIB + 8));
    }

    @Test
    void shouldCutTheLastPieceToTheRemainder() {
        GeneratedFile file = new GeneratedFile("f", 3 * MIB + 3, 1);

        assertThat(file.pieceCount(MIB)).isEqualTo(4);
        assertThat(file.pieceLength(3, MIB)).isEqualTo(3);
        assertThat(concatenated(file, MIB)).hasSize(3 * MIB + 3);
    }

    @Test
    void shouldGiveEveryFileOfAScenarioOtherBytes() {
        byte[] first = concatenated(GeneratedFile.of("a", 4096, 7, 0), 4096);
        byte[] second = concatenated(GeneratedFile.of("b", 4096, 7, 1), 4096);
        byte[] again = concatenated(GeneratedFile.of("a", 4096, 7, 0), 4096);

        assertThat(first).isNotEqualTo(second).isEqualTo(again);
    }

    @Test
    void shouldLookRandomNotRepetitive() {
        byte[] bytes = concatenated(new GeneratedFile("f", MIB, 3), MIB);
        int[] counts = new int[256];
        for (byte b : bytes) counts[b & 0xff]++;

        // each byte value about 4096 times; a broken generator (zeros, a short cycle) is far off
        assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThan(3500);
        assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThan(4700);
    }

    private static byte[] concatenated(GeneratedFile file, int pieceSize) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[pieceSize];
        for (int i = 0; i < file.pieceCount(pieceSize); i++) all.write(buffer, 0, file.fillPiece(i, pieceSize, buffer));
        return all.toByteArray();
    }
}
