package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class IdempotencyKeyRuleTest {

    @Test
    void shouldAcceptOneTo255Characters() {
        assertThatNoException().isThrownBy(() -> IdempotencyKeyRule.check("k"));
        assertThatNoException().isThrownBy(() -> IdempotencyKeyRule.check("k".repeat(255)));
    }

    @Test
    void shouldRefuseEmptyLongAndControlCharacterKeys() {
        assertThat(refusal(() -> IdempotencyKeyRule.check("")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> IdempotencyKeyRule.check("k".repeat(256))).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> IdempotencyKeyRule.check("a\nb")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
    }
}
