package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class PositiveSizeRuleTest {

    @Test
    void shouldRefuseZeroAndNegativeSizes() {
        assertThat(refusal(() -> PositiveSizeRule.check(0)).code()).isEqualTo(ProblemCode.INVALID_SIZE);
        assertThat(refusal(() -> PositiveSizeRule.check(-5)).code()).isEqualTo(ProblemCode.INVALID_SIZE);
    }

    @Test
    void shouldAcceptOneByte() {
        assertThatNoException().isThrownBy(() -> PositiveSizeRule.check(1));
    }
}
