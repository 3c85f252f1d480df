package io.sluice.upload.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b.jpg", "a\\b.jpg", "..", "../etc/passwd", "a..b", "tab\there", "line\nbreak",
            "nul\u0000", "del\u007f", "c1\u0085", "lone\ud800surrogate", "nonchar\uffff", "nonchar\ufdd0"})
    void shouldRefuseSeparatorsTraversalControlCharactersAndBrokenText(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u202egnp.exe", "a\u202dx", "a\u2066x\u2069", "a\u200bb", "a\u200db", "\ufeffa",
            "a\u2028b", "a\u2029b", "a\u3164b", "\u115f", "a\u00adb"})
    void shouldRefuseBidirectionalFormatAndOtherInvisibleCharacters(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\u00a0", "\u3000", "\u2007"})
    void shouldRefuseBlankNames(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.", "report ", "report.pdf.", "report\u3000", "report.pdf "})
    void shouldRefuseNamesEndingInADotOrASpace(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Con.txt", "PRN", "AUX.tar.gz", "NUL", "nul ", "COM1", "com9.log", "LPT1",
            "lpt0", "COM\u00b9", "CON .txt"})
    void shouldRefuseWindowsDeviceNames(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"photo.jpg", "Übersicht 2025.pdf", "写真.png", ".hidden", "a.b.c", "emoji 😀.gif",
            "CONSOLE.txt", "COM10", "icon.con", "مرحبا.txt", "a b", "\ue000 private use"})
    void shouldAcceptPlainNames(String name) {
        assertThat(FileNameRule.check(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void shouldCountTheLimitInUtf8Bytes(int bytes) {
        String name = "é".repeat(bytes / 2) + "a".repeat(bytes % 2); // é is two bytes in UTF-8
        assertThat(FileNameRule.check(name).isPresent()).isEqualTo(bytes > FileNameRule.MAX_BYTES);
    }

    @Test
    void shouldRefuseAMebibyteNameByItsLength() {
        Optional<Violation> refused = FileNameRule.check("a".repeat(1 << 20));
        assertThat(refused).get().extracting(Violation::detail).asString().contains("255 bytes");
    }

    private static void assertRefused(String name) {
        assertThat(FileNameRule.check(name)).as("%s", name.codePoints().mapToObj(Integer::toHexString).toList())
                .get().extracting(Violation::code).isEqualTo(RuleCode.INVALID_FILE_NAME);
    }
}
