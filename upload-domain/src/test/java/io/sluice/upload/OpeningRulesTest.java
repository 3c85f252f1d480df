package io.sluice.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OpeningRulesTest {

    private static final UploadLimits LIMITS = new UploadLimits(100L << 30, 8 << 20, 64 << 10, 16 << 20, 100_000, 256L << 20);

    @Test
    void shouldAcceptAnOrdinaryOpening() {
        assertThat(OpeningRules.check(opening("photo.jpg", 10_000_000, 8 << 20), LIMITS)).isEmpty();
    }

    @Test
    void shouldRefuseTheBillionChunkOpeningAsAChunkSizeOutOfBoundsBeforeCountingAnything() {
        assertThat(OpeningRules.check(opening("a.bin", 1_000_000_000, 1), LIMITS).orElseThrow().code())
                .isEqualTo(RuleCode.INVALID_CHUNK_SIZE);
    }

    @Test
    void shouldRefuseTheChunkCountBombWithinTheChunkSizeBounds() {
        assertThat(OpeningRules.check(opening("a.bin", 100L << 30, 64 << 10), LIMITS).orElseThrow().code())
                .isEqualTo(RuleCode.TOO_MANY_CHUNKS);
    }

    @Test
    void shouldAnswerTheFirstBrokenRuleInTheOrderAClientFixesThem() {
        Opening everythingWrong = new Opening("bad tenant", "a/b", "nope", -1, 0, "xyz", "", "up_1", "poster",
                Map.of("", ""));
        assertThat(OpeningRules.check(everythingWrong, LIMITS).orElseThrow().code()).isEqualTo(RuleCode.INVALID_REQUEST);
        Opening badNumbersAndName = new Opening("dev", "a/b", "nope", -1, 0, null, null, null, null, Map.of());
        assertThat(OpeningRules.check(badNumbersAndName, LIMITS).orElseThrow().code()).isEqualTo(RuleCode.INVALID_SIZE);
        Opening badName = new Opening("dev", "CON", "nope", 1, 64 << 10, null, null, null, null, Map.of());
        assertThat(OpeningRules.check(badName, LIMITS).orElseThrow().code()).isEqualTo(RuleCode.INVALID_FILE_NAME);
    }

    @Test
    void shouldCheckADerivativeOnlyWhenOneIsNamed() {
        Opening derivative = new Opening("dev", "t.jpg", "image/jpeg", 10, 64 << 10, null, null,
                "as_" + "0".repeat(32), "thumbnail", Map.of());
        assertThat(OpeningRules.check(derivative, LIMITS)).isEmpty();
        Opening halfNamed = new Opening("dev", "t.jpg", "image/jpeg", 10, 64 << 10, null, null, null, "thumbnail",
                Map.of());
        assertThat(OpeningRules.check(halfNamed, LIMITS)).isPresent();
    }

    @Test
    void shouldPickTheDefaultChunkSizeOrTheSmallestThatFits() {
        assertThat(LIMITS.chunkSizeFor(100L << 30)).isEqualTo(8 << 20);
        UploadLimits few = new UploadLimits(1L << 30, 64 << 10, 64 << 10, 16 << 20, 100, 0);
        assertThat(few.chunkSizeFor(1L << 30)).isEqualTo((1 << 30) / 100 + 1);
        assertThat(ChunkGrid.chunkCount(1L << 30, few.chunkSizeFor(1L << 30))).isLessThanOrEqualTo(100);
    }

    @Test
    void shouldRefuseLimitsUnderWhichTheMaximumSizeCannotBeUploaded() {
        assertThatThrownBy(() -> new UploadLimits(2L << 40, 8 << 20, 64 << 10, 16 << 20, 100_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be reached");
    }

    private static Opening opening(String fileName, long size, long chunkSize) {
        return new Opening("dev", fileName, "application/octet-stream", size, chunkSize, null, null, null, null,
                Map.of("camera", "x100"));
    }
}
