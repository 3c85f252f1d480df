package io.sluice.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SluiceConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        SluiceConfig config = SluiceConfig.load(Map.of(), new Properties());

        assertThat(config.get(Setting.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
        assertThat(config.getDuration(Setting.UPLOAD_TTL)).isEqualTo(Duration.ofHours(24));
        assertThat(config.getLong(Setting.CHUNK_SIZE_MAX)).isEqualTo(16L << 20);
    }

    @Test
    void shouldPreferSystemPropertyOverEnvironmentOverFileOverDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sluice.properties");
        Files.writeString(file, "sluice.s3.bucket=from-file\nsluice.s3.region=file-region\nsluice.state.dir=file-state\n");
        Properties system = new Properties();
        system.setProperty("sluice.s3.bucket", "from-property");

        SluiceConfig config = SluiceConfig.load(Map.of(
                SluiceConfig.CONFIG_FILE_ENV, file.toString(),
                "SLUICE_S3_BUCKET", "from-env",
                "SLUICE_S3_REGION", "env-region"), system);

        assertThat(config.get(Setting.S3_BUCKET)).isEqualTo("from-property");
        assertThat(config.get(Setting.S3_REGION)).isEqualTo("env-region");
        assertThat(config.get(Setting.STATE_DIR)).isEqualTo("file-state");
        assertThat(config.get(Setting.S3_ENDPOINT)).isEqualTo(Setting.S3_ENDPOINT.defaultValue());
    }

    @Test
    void shouldNameTheVariableWhenAValueIsInvalid() {
        SluiceConfig config = SluiceConfig.load(Map.of("SLUICE_UPLOAD_TTL", "soon"), new Properties());

        assertThatThrownBy(() -> config.getDuration(Setting.UPLOAD_TTL))
                .hasMessageContaining("SLUICE_UPLOAD_TTL").hasMessageContaining("soon");
    }

    @Test
    void shouldMaskSecretsWhenDescribed() {
        SluiceConfig config = SluiceConfig.load(Map.of("SLUICE_S3_SECRET_KEY", "hunter2"), new Properties());

        assertThat(config.describe()).contains("SLUICE_S3_SECRET_KEY=****").doesNotContain("hunter2");
    }
}
