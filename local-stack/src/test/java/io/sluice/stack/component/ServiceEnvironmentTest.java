package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.stack.JavaRuntime;
import io.sluice.stack.PortPlan;
import io.sluice.stack.StackLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

    private final StackContext context = new StackContext(new StackLayout(Path.of("/repo"), Path.of("/repo/.sluice")),
            PortPlan.withOffset(100), JavaRuntime.current());

    @Test
    void setsOnlyKnownSettingsPointingAtTheStack() {
        Map<String, String> env = ServiceEnvironment.of(context, ServiceId.BLOB_WRITER, "dev=sha256:00");
        assertThat(env.keySet()).allSatisfy(name -> assertThat(Arrays.stream(Setting.values()).map(Setting::env))
                .contains(name));
        assertThat(env).containsEntry(Setting.KAFKA_BOOTSTRAP_SERVERS.env(), "127.0.0.1:9192")
                .containsEntry(Setting.SCHEMA_REGISTRY_URL.env(), "http://127.0.0.1:8185/apis/ccompat/v7")
                .containsEntry(Setting.S3_ENDPOINT.env(), "http://127.0.0.1:9100")
                .containsEntry(Setting.HTTP_HOST.env(), "127.0.0.1")
                .containsEntry(Setting.HTTP_PORT.env(), "8182")
                .containsEntry(Setting.STATE_DIR.env(), "/repo/.sluice/data/blob-writer/state")
                .containsEntry(Setting.AUTH_TOKENS.env(), "dev=sha256:00");
    }

    @Test
    void usesTheSameS3KeysTheS3ServerIsGiven() {
        Map<String, String> env = ServiceEnvironment.of(context, ServiceId.INGEST_API, "");
        assertThat(env).containsEntry(Setting.S3_ACCESS_KEY.env(), Setting.S3_ACCESS_KEY.defaultValue())
                .containsEntry(Setting.S3_SECRET_KEY.env(), Setting.S3_SECRET_KEY.defaultValue())
                .containsEntry(Setting.S3_BUCKET.env(), Setting.S3_BUCKET.defaultValue());
    }
}
