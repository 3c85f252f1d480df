package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "application/octet-stream", "text/plain; charset=utf-8",
            "application/vnd.api+json"})
    void shouldAcceptMediaTypes(String contentType) {
        assertThatNoException().isThrownBy(() -> ContentTypeRule.check(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jpeg", "image/", "/jpeg", "image/jpeg\r\nSet-Cookie: a=b", "text/plain; é"})
    void shouldRefuseAnythingThatIsNotASafeHeaderValue(String contentType) {
        assertThat(refusal(() -> ContentTypeRule.check(contentType)).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
    }
}
