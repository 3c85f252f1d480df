package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.api.Test;

class Sha256HexRuleTest {

    @Test
    void shouldLowerCaseAValidHash() {
        assertThat(Sha256HexRule.check("sha256", "AB".repeat(32))).isEqualTo("ab".repeat(32));
    }

    @Test
    void shouldRefuseWrongLengthsAndNonHex() {
        assertThat(refusal(() -> Sha256HexRule.check("sha256", "ab".repeat(31))).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> Sha256HexRule.check("sha256", "zz".repeat(32))).extras()).containsEntry("field", "sha256");
    }
}
