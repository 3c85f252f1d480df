package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChunkBodyLengthTest {

    @Test
    void shouldPassTheExactLengthOrNoDeclaredLength() {
        assertThatNoException().isThrownBy(() -> ChunkBodyLength.checkDeclared(Optional.of("1024"), 1024));
        assertThatNoException().isThrownBy(() -> ChunkBodyLength.checkDeclared(Optional.empty(), 1024));
    }

    @Test
    void shouldRefuseAShorterDeclaredLengthAsAMismatch() {
        ApiException refusal = refusal(() -> ChunkBodyLength.checkDeclared(Optional.of("1000"), 1024));
        assertThat(refusal.code()).isEqualTo(ProblemCode.CHUNK_SIZE_MISMATCH);
        assertThat(refusal.extras()).containsEntry("expected", 1024).containsEntry("actual", 1000L);
    }

    @Test
    void shouldRefuseALongerDeclaredLengthAsTooLarge() {
        assertThat(refusal(() -> ChunkBodyLength.checkDeclared(Optional.of("1025"), 1024)).code())
                .isEqualTo(ProblemCode.CHUNK_TOO_LARGE);
    }

    @Test
    void shouldRefuseANonNumericContentLength() {
        assertThat(refusal(() -> ChunkBodyLength.checkDeclared(Optional.of("lots"), 1024)).code())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
    }
}
