package io.sluice.ingest.validation;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sluice.ingest.http.ProblemCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b.jpg", "a\\b.jpg", "..", "../etc/passwd", "a..b", "tab\there", "line\nbreak",
            "nul\u0000", "del\u007f", "c1\u0085", "lone\ud800surrogate"})
    void shouldRefuseUnsafeNames(String name) {
        assertThat(refusal(() -> SafeFileNameRule.check(name)).code()).isEqualTo(ProblemCode.INVALID_FILE_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.jpg", "Übersicht 2025.pdf", "写真.png", ".hidden", "a.b.c", "emoji 😀.gif"})
    void shouldAcceptPlainNames(String name) {
        assertThatNoException().isThrownBy(() -> SafeFileNameRule.check(name));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void shouldCountTheLimitInUtf8Bytes(int bytes) {
        String name = "é".repeat(bytes / 2) + "a".repeat(bytes % 2); // é is two bytes in UTF-8
        if (bytes <= SafeFileNameRule.MAX_BYTES) {
            assertThatNoException().isThrownBy(() -> SafeFileNameRule.check(name));
        } else {
            assertThat(refusal(() -> SafeFileNameRule.check(name)).code()).isEqualTo(ProblemCode.INVALID_FILE_NAME);
        }
    }
}
