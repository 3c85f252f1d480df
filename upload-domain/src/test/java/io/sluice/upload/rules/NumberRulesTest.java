package io.sluice.upload.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.upload.ChunkGrid;
import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import org.junit.jupiter.api.Test;

/** The rules on an upload's numbers: size, chunk size, chunk count, chunk index and length, parking. */
class NumberRulesTest {

    private static final long GIB = 1L << 30;

    @Test
    void shouldRefuseANonPositiveSizeAndOneBeyondTheMaximum() {
        assertThat(SizeRule.check(0, 100).orElseThrow().code()).isEqualTo(RuleCode.INVALID_SIZE);
        assertThat(SizeRule.check(-1, 100).orElseThrow().code()).isEqualTo(RuleCode.INVALID_SIZE);
        assertThat(SizeRule.check(101, 100).orElseThrow().code()).isEqualTo(RuleCode.UPLOAD_TOO_LARGE);
        assertThat(SizeRule.check(1, 100)).isEmpty();
        assertThat(SizeRule.check(100, 100)).isEmpty();
    }

    @Test
    void shouldRefuseChunkSizesOutsideTheBoundsAndAcceptTheBoundsThemselves() {
        assertThat(ChunkSizeRule.check(1023, 1024, 4096).orElseThrow().code()).isEqualTo(RuleCode.INVALID_CHUNK_SIZE);
        assertThat(ChunkSizeRule.check(4097, 1024, 4096).orElseThrow().code()).isEqualTo(RuleCode.INVALID_CHUNK_SIZE);
        assertThat(ChunkSizeRule.check(1, 1024, 4096).orElseThrow().members())
                .containsEntry("minimum", 1024).containsEntry("maximum", 4096);
        assertThat(ChunkSizeRule.check(1024, 1024, 4096)).isEmpty();
        assertThat(ChunkSizeRule.check(4096, 1024, 4096)).isEmpty();
    }

    @Test
    void shouldRefuseTooManyChunksNamingTheSmallestChunkSizeThatFits() {
        Violation refused = ChunkCountRule.check(100 * GIB, 64 * 1024, 100_000, 64 * 1024).orElseThrow();
        assertThat(refused.code()).isEqualTo(RuleCode.TOO_MANY_CHUNKS);
        assertThat(refused.members()).containsEntry("chunkCount", 1_638_400L)
                .containsEntry("minimumChunkSize", 1_073_742L);
        assertThat(refused.detail()).contains("1073742");
        assertThat(ChunkCountRule.check(100 * GIB, 1_073_742, 100_000, 64 * 1024)).isEmpty();
        assertThat(ChunkCountRule.check(100 * GIB, 1_073_741, 100_000, 64 * 1024)).isPresent();
    }

    @Test
    void shouldNameAtLeastTheSmallestAllowedChunkSize() {
        Violation refused = ChunkCountRule.check(1000, 1, 10, 512).orElseThrow();
        assertThat(refused.members()).containsEntry("minimumChunkSize", 512L);
    }

    @Test
    void shouldRefuseTheBillionChunkOpeningWithoutCountingItsChunks() {
        assertThat(ChunkCountRule.check(1_000_000_000L, 1, 100_000, 1).orElseThrow().code())
                .isEqualTo(RuleCode.TOO_MANY_CHUNKS);
        assertThat(ChunkCountRule.check(Long.MAX_VALUE, 1, 100_000, 1)).isPresent();
    }

    @Test
    void shouldRefuseIndexesOutsideTheGrid() {
        ChunkGrid grid = ChunkGrid.of(10, 4);
        assertThat(ChunkIndexRule.check(-1, grid).orElseThrow().code()).isEqualTo(RuleCode.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(ChunkIndexRule.check(3, grid).orElseThrow().members()).containsEntry("chunkCount", 3);
        assertThat(ChunkIndexRule.check(Long.MAX_VALUE, grid)).isPresent();
        assertThat(ChunkIndexRule.check(0, grid)).isEmpty();
        assertThat(ChunkIndexRule.check(2, grid)).isEmpty();
    }

    @Test
    void shouldRefuseAChunkOfTheWrongLengthAndALengthThatIsNotTheBytes() {
        ChunkGrid grid = ChunkGrid.of(10, 4);
        assertThat(ChunkLengthRule.check(grid, 0, 3).orElseThrow().code()).isEqualTo(RuleCode.CHUNK_SIZE_MISMATCH);
        assertThat(ChunkLengthRule.check(grid, 2, 4).orElseThrow().members())
                .containsEntry("expected", 2L).containsEntry("actual", 4L);
        assertThat(ChunkLengthRule.check(grid, 2, 2)).isEmpty();
        assertThat(ChunkLengthRule.checkStated(1 << 20, 4).orElseThrow().code()).isEqualTo(RuleCode.CHUNK_SIZE_MISMATCH);
        assertThat(ChunkLengthRule.checkStated(4, 4)).isEmpty();
    }

    @Test
    void shouldRefuseANewChunkPastTheFrontierOnlyWhenItWouldOverfillTheParkingBound() {
        assertThat(ParkingRule.check(5, 2, false, 90, 20, 100).orElseThrow().code()).isEqualTo(RuleCode.TOO_FAR_AHEAD);
        assertThat(ParkingRule.check(5, 2, false, 80, 20, 100)).isEmpty(); // exactly fills it
        assertThat(ParkingRule.check(2, 2, false, 100, 20, 100)).isEmpty(); // at the frontier: hashed, not parked
        assertThat(ParkingRule.check(1, 2, false, 100, 20, 100)).isEmpty();
        assertThat(ParkingRule.check(5, 2, true, 100, 20, 100)).isEmpty(); // a resend parks nothing new
    }
}
