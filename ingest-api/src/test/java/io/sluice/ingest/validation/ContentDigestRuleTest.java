package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentDigestRuleTest {

    private static final byte[] BODY = "hello world".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA = sha256(BODY);
    private static final String HEADER = "sha-256=:" + Base64.getEncoder().encodeToString(SHA) + ":";

    @Test
    void shouldReadTheSha256OfAnRfc9530Header() {
        assertThat(ContentDigestRule.declaredSha256(Optional.of(HEADER))).hasValueSatisfying(d -> assertThat(d).isEqualTo(SHA));
        assertThat(ContentDigestRule.declaredSha256(Optional.of("sha-512=:" + Base64.getEncoder().encodeToString(new byte[64])
                + ":, SHA-256=:" + Base64.getEncoder().encodeToString(SHA) + ":"))).isPresent();
    }

    @Test
    void shouldIgnoreAbsentHeadersAndOtherAlgorithms() {
        assertThat(ContentDigestRule.declaredSha256(Optional.empty())).isEmpty();
        assertThat(ContentDigestRule.declaredSha256(Optional.of("sha-512=:" + Base64.getEncoder().encodeToString(new byte[64]) + ":")))
                .isEmpty();
    }

    @Test
    void shouldRefuseAMalformedHeaderAsInvalidRequest() {
        assertThat(refusal(() -> ContentDigestRule.declaredSha256(Optional.of("sha-256=abc"))).code())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> ContentDigestRule.declaredSha256(Optional.of("sha-256=:!!!:"))).code())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> ContentDigestRule.declaredSha256(Optional.of("sha-256=:AAAA:"))).code())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
    }

    @Test
    void shouldPassAMatchingDigestAndRefuseAnotherOne() {
        assertThatNoException().isThrownBy(() -> ContentDigestRule.check(Optional.of(SHA), SHA));
        ApiException refusal = refusal(() -> ContentDigestRule.check(Optional.of(SHA), sha256(new byte[1])));
        assertThat(refusal.code()).isEqualTo(ProblemCode.DIGEST_MISMATCH);
        assertThat(refusal.extras()).containsEntry("expected", HEADER);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
