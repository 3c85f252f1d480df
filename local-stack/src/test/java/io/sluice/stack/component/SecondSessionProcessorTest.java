package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.stack.JavaRuntime;
import io.sluice.stack.PortPlan;
import io.sluice.stack.StackEnvironment;
import io.sluice.stack.StackLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** SLUICE_STACK_SESSION_PROCESSORS=2: a second session-processor instance beside the first, both with a standby. */
class SecondSessionProcessorTest {

    private static StackContext context(int sessionProcessors) {
        return new StackContext(new StackLayout(Path.of("/repo"), Path.of("/repo/.sluice")), PortPlan.withOffset(100),
                JavaRuntime.current(), sessionProcessors);
    }

    @Test
    void shouldRunOneSessionProcessorWithoutStandbyByDefault() {
        Properties root = new Properties();
        root.setProperty(StackEnvironment.ROOT_PROPERTY, "/repo");
        assertThat(StackEnvironment.from(Map.of(), root).sessionProcessors()).isEqualTo(1);

        StackComponents components = new StackComponents(context(1));

        assertThat(components.names()).containsExactly("kafka", "registry", "s3", "ingest-api", "session-processor",
                "blob-writer", "index-projector");
        assertThat(ServiceEnvironment.of(context(1), ServiceId.SESSION_PROCESSOR, ""))
                .doesNotContainKey(Setting.STANDBY_REPLICAS.env());
    }

    @Test
    void shouldAddASecondInstanceWithItsOwnPortAndStateAndAStandbyOnBoth() {
        Properties root = new Properties();
        root.setProperty(StackEnvironment.ROOT_PROPERTY, "/repo");
        StackEnvironment environment = StackEnvironment.from(Map.of(StackEnvironment.SESSION_PROCESSORS_ENV, "2"), root);
        assertThat(environment.sessionProcessors()).isEqualTo(2);

        StackComponents components = new StackComponents(context(2));

        assertThat(components.names()).containsExactly("kafka", "registry", "s3", "ingest-api", "session-processor",
                "session-processor-2", "blob-writer", "index-projector");
        Component second = components.byName("session-processor-2");
        assertThat(second.isService()).isTrue();
        assertThat(second.port()).isEqualTo(8184);
        Map<String, String> first = ServiceEnvironment.of(context(2), ServiceId.SESSION_PROCESSOR, 1, "");
        Map<String, String> other = ServiceEnvironment.of(context(2), ServiceId.SESSION_PROCESSOR, 2, "");
        assertThat(first).containsEntry(Setting.HTTP_PORT.env(), "8181")
                .containsEntry(Setting.STATE_DIR.env(), "/repo/.sluice/data/session-processor/state")
                .containsEntry(Setting.STANDBY_REPLICAS.env(), "1");
        assertThat(other).containsEntry(Setting.HTTP_PORT.env(), "8184")
                .containsEntry(Setting.STATE_DIR.env(), "/repo/.sluice/data/session-processor-2/state")
                .containsEntry(Setting.STANDBY_REPLICAS.env(), "1");
        assertThat(ServiceEnvironment.of(context(2), ServiceId.BLOB_WRITER, "")).doesNotContainKey(Setting.STANDBY_REPLICAS.env());
    }

    @Test
    void shouldRefuseMoreInstancesThanThePortPlanHas() {
        Properties root = new Properties();
        root.setProperty(StackEnvironment.ROOT_PROPERTY, "/repo");
        assertThatThrownBy(() -> StackEnvironment.from(Map.of(StackEnvironment.SESSION_PROCESSORS_ENV, "3"), root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(StackEnvironment.SESSION_PROCESSORS_ENV);
    }
}
