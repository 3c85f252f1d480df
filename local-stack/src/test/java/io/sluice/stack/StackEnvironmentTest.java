package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.service.ServiceId;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class StackEnvironmentTest {

    private static Properties root(String path) {
        Properties properties = new Properties();
        properties.setProperty(StackEnvironment.ROOT_PROPERTY, path);
        return properties;
    }

    @Test
    void defaultsToDotSluiceUnderTheRootAndTheFixedPorts() {
        StackEnvironment environment = StackEnvironment.from(Map.of(), root("/repo"));
        assertThat(environment.projectRoot()).isEqualTo(Path.of("/repo"));
        assertThat(environment.home()).isEqualTo(Path.of("/repo/.sluice"));
        PortPlan ports = environment.ports();
        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.kafkaController()).isEqualTo(9093);
        assertThat(ports.registry()).isEqualTo(8085);
        assertThat(ports.s3()).isEqualTo(9000);
        assertThat(ports.service(ServiceId.INGEST_API)).isEqualTo(8080);
        assertThat(ports.service(ServiceId.INDEX_PROJECTOR)).isEqualTo(8083);
    }

    @Test
    void homeAndPortOffsetComeFromTheEnvironment() {
        StackEnvironment environment = StackEnvironment.from(Map.of(
                StackEnvironment.HOME_ENV, "/tmp/e2e-stack",
                StackEnvironment.PORT_OFFSET_ENV, "20000"), root("/repo"));
        assertThat(environment.home()).isEqualTo(Path.of("/tmp/e2e-stack"));
        assertThat(environment.ports().kafka()).isEqualTo(29092);
        assertThat(environment.ports().kafkaController()).isEqualTo(29093);
        assertThat(environment.ports().registry()).isEqualTo(28085);
        assertThat(environment.ports().s3()).isEqualTo(29000);
        for (ServiceId id : ServiceId.values()) {
            assertThat(environment.ports().service(id)).isEqualTo(id.defaultHttpPort() + 20000);
        }
    }

    @Test
    void aRelativeHomeIsResolvedAgainstTheWorkingDirectory() {
        StackEnvironment environment = StackEnvironment.from(Map.of(StackEnvironment.HOME_ENV, "some/dir"), root("/repo"));
        assertThat(environment.home()).isEqualTo(Path.of("some/dir").toAbsolutePath());
    }

    @Test
    void anOffsetPushingAPortOutOfRangeIsRefused() {
        assertThatThrownBy(() -> PortPlan.withOffset(60000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 1024..65535");
        assertThatThrownBy(() -> PortPlan.withOffset(-8000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PortPlan.withOffset(-1000).registry()).isEqualTo(7085);
    }

    @Test
    void aNonNumericOffsetIsRefusedByName() {
        assertThatThrownBy(() -> StackEnvironment.from(Map.of(StackEnvironment.PORT_OFFSET_ENV, "ten"), root("/repo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StackEnvironment.PORT_OFFSET_ENV);
    }
}
