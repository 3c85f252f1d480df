package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class MaxUploadSizeRuleTest {

    private final MaxUploadSizeRule rule = new MaxUploadSizeRule(1000);

    @Test
    void shouldRefuseASizeBeyondTheMaximumWith413() {
        ApiException refusal = refusal(() -> rule.check(1001));
        assertThat(refusal.code()).isEqualTo(ProblemCode.UPLOAD_TOO_LARGE);
        assertThat(refusal.code().status()).isEqualTo(413);
        assertThat(refusal.extras()).containsEntry("maximum", 1000L);
    }

    @Test
    void shouldAcceptTheMaximumItself() {
        assertThatNoException().isThrownBy(() -> rule.check(1000));
    }
}
