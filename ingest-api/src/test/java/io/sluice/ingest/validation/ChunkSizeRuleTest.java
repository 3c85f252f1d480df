package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class ChunkSizeRuleTest {

    private final ChunkSizeRule rule = new ChunkSizeRule(1024, 4096);

    @Test
    void shouldRefuseChunkSizesOutsideTheBounds() {
        assertThat(refusal(() -> rule.check(1023, 10_000)).code()).isEqualTo(ProblemCode.INVALID_CHUNK_SIZE);
        assertThat(refusal(() -> rule.check(4097, 10_000)).code()).isEqualTo(ProblemCode.INVALID_CHUNK_SIZE);
    }

    @Test
    void shouldAcceptTheBoundsThemselves() {
        assertThatNoException().isThrownBy(() -> rule.check(1024, 10_000));
        assertThatNoException().isThrownBy(() -> rule.check(4096, 10_000));
    }

    @Test
    void shouldRefuseAChunkSizeWhoseChunksCannotBeCounted() {
        ChunkSizeRule tiny = new ChunkSizeRule(1, 4096);
        assertThat(refusal(() -> tiny.check(1, 3L * Integer.MAX_VALUE)).code()).isEqualTo(ProblemCode.INVALID_CHUNK_SIZE);
    }
}
