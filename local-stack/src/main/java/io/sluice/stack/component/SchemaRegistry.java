package io.sluice.stack.component;

import io.sluice.stack.readiness.HttpProbe;
import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3.0.9 with its Confluent-compatible API, its schemas in an H2 file under the
 * stack's data directory, so the schema ids that records in Kafka name stay valid across restarts.
 * The flags are the fast-start ones measured on the project's machines (about twice as fast to ready).
 */
public final class SchemaRegistry implements Component {

    public static final String NAME = "registry";

    private final StackContext context;

    public SchemaRegistry(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return context.ports().registry();
    }

    @Override
    public String url() {
        return context.registryUrl();
    }

    @Override
    public boolean isService() {
        return false;
    }

    @Override
    public LaunchSpec prepare() throws IOException {
        Path runner = context.layout().registryRunnerJar();
        Path workDir = context.layout().dataDir(NAME);
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(context.java().executable().toString());
        command.addAll(context.jvmFlags(NAME));
        command.addAll(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port(),
                "-Dapicurio.ccompat.use-canonical-hash=true",
                "-Dapicurio.rules.global.compatibility=BACKWARD",
                // Schemas kept on disk (H2 file) across restarts: records already in Kafka name
                // schema ids, which an in-memory registry would forget or hand out again differently.
                "-Dapicurio.datasource.url=jdbc:h2:file:" + workDir.resolve("registry").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE",
                "-Dquarkus.http.access-log.enabled=false",
                "-jar", runner.toString()));
        return new LaunchSpec(command, Map.of(), workDir);
    }

    @Override
    public ReadinessProbe readinessProbe() {
        return new HttpProbe(URI.create("http://127.0.0.1:" + port() + "/health/ready"));
    }

    @Override
    public Duration startDeadline() {
        return Duration.ofSeconds(90);
    }
}
