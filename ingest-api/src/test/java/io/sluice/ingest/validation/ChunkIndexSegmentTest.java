package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import io.sluice.upload.ChunkGrid;
import org.junit.jupiter.api.Test;

class ChunkIndexSegmentTest {

    private static final ChunkGrid THREE_CHUNKS = ChunkGrid.of(30, 10);

    @Test
    void shouldReturnAnIndexInRange() {
        assertThat(ChunkIndexSegment.check("0", THREE_CHUNKS)).isZero();
        assertThat(ChunkIndexSegment.check("2", THREE_CHUNKS)).isEqualTo(2);
    }

    @Test
    void shouldRefuseNegativeAndTooLargeIndexes() {
        assertThat(refusal(() -> ChunkIndexSegment.check("-1", THREE_CHUNKS)).code()).isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(refusal(() -> ChunkIndexSegment.check("3", THREE_CHUNKS)).code()).isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(refusal(() -> ChunkIndexSegment.check("9999999999999999999", THREE_CHUNKS)).code())
                .isEqualTo(ProblemCode.CHUNK_INDEX_OUT_OF_RANGE);
    }

    @Test
    void shouldRefuseAnIndexThatIsNotANumber() {
        assertThat(refusal(() -> ChunkIndexSegment.check("one", THREE_CHUNKS)).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> ChunkIndexSegment.check("1.0", THREE_CHUNKS)).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
    }
}
