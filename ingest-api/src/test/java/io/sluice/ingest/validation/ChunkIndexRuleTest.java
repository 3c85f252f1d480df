package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class ChunkIndexRuleTest {

    @Test
    void shouldReturnAnIndexInRange() {
        assertThat(ChunkIndexRule.check("0", 3)).isZero();
        assertThat(ChunkIndexRule.check("2", 3)).isEqualTo(2);
    }

    @Test
    void shouldRefuseNegativeAndTooLargeIndexes() {
        assertThat(refusal(() -> ChunkIndexRule.check("-1", 3)).code()).isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(refusal(() -> ChunkIndexRule.check("3", 3)).code()).isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(refusal(() -> ChunkIndexRule.check("9999999999999999999", 3)).code())
                .isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
    }

    @Test
    void shouldRefuseAnIndexThatIsNotANumber() {
        assertThat(refusal(() -> ChunkIndexRule.check("one", 3)).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> ChunkIndexRule.check("1.0", 3)).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
    }
}
