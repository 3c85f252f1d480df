package io.sluice.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's configuration section documents {@link Setting}: its table must not drift from the code. */
class ReadmeConfigurationTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(SLUICE_[A-Z0-9_]+)` \\| (?:`([^`]*)`|\\(empty\\)) \\|", Pattern.MULTILINE);

    @Test
    void shouldDocumentEverySettingWithItsDefault() throws Exception {
        Map<String, String> documented = documentedSettings();

        Map<String, String> actual = new LinkedHashMap<>();
        for (Setting setting : Setting.values()) actual.put(setting.env(), setting.defaultValue());
        assertThat(documented).isEqualTo(actual);
    }

    private static Map<String, String> documentedSettings() throws Exception {
        Path readme = Path.of(System.getProperty("sluice.project.root", "..")).resolve("README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("\n## Configuration");
        int end = text.indexOf("\n## ", start + 1);
        Matcher matcher = ROW.matcher(text.substring(start, end < 0 ? text.length() : end));
        Map<String, String> documented = new LinkedHashMap<>();
        while (matcher.find()) documented.put(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
        return documented;
    }
}
