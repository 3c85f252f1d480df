package io.sluice.stack.component;

import io.sluice.stack.process.LogTail;
import io.sluice.stack.readiness.KafkaProbe;
import io.sluice.stack.readiness.ReadinessProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * Kafka 4.3.1 in KRaft mode as its own process, run from {@code kafka-broker/target/classpath.txt}.
 * Storage is formatted once (a standalone controller quorum) with a cluster id kept next to the
 * data, then {@code kafka.Kafka} runs with the generated {@code server.properties}.
 */
public final class KafkaBroker implements Component {

    public static final String NAME = "kafka";
    private static final String CLASSPATH_MODULE = "kafka-broker";
    private static final Duration FORMAT_DEADLINE = Duration.ofSeconds(60);

    private final StackContext context;

    public KafkaBroker(StackContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int port() {
        return context.ports().kafka();
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.ports().kafka(), context.ports().kafkaController());
    }

    @Override
    public String url() {
        return context.kafkaBootstrap();
    }

    @Override
    public boolean isService() {
        return false;
    }

    @Override
    public LaunchSpec prepare() throws IOException, InterruptedException {
        Path logDir = context.layout().dataDir(NAME);
        Files.createDirectories(logDir);
        Files.createDirectories(context.layout().confDir());
        Path serverProperties = context.layout().confDir().resolve("kafka.properties");
        Files.writeString(serverProperties, KafkaBrokerProperties.render(
                KafkaBrokerProperties.of(context.ports().kafka(), context.ports().kafkaController(), logDir)));
        Path log4j = context.layout().confDir().resolve("kafka-log4j2.properties");
        copyResource("kafka-log4j2.properties", log4j);
        String classpath = context.layout().classpath(CLASSPATH_MODULE);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(classpath, serverProperties, log4j, clusterId());
        }
        List<String> command = new ArrayList<>(javaPrefix(log4j));
        command.addAll(context.jvmFlags(NAME));
        command.addAll(List.of("-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true",
                "-cp", classpath, "kafka.Kafka", serverProperties.toString()));
        return new LaunchSpec(command, Map.of(), logDir);
    }

    @Override
    public ReadinessProbe readinessProbe() {
        return new KafkaProbe(context.kafkaBootstrap());
    }

    @Override
    public Duration startDeadline() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration stopDeadline() {
        return Duration.ofSeconds(30);
    }

    /** The cluster id, generated on first start and kept beside the data it was formatted with. */
    private String clusterId() throws IOException {
        Path file = context.layout().dataDir().resolve("kafka-cluster-id");
        if (Files.isRegularFile(file)) return Files.readString(file).trim();
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id + "\n");
        return id;
    }

    private void format(String classpath, Path serverProperties, Path log4j, String clusterId)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(javaPrefix(log4j));
        command.addAll(context.java().accessFlags());
        command.addAll(List.of("-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool", "format", "--standalone",
                "--ignore-formatted", "-t", clusterId, "-c", serverProperties.toString()));
        Path log = context.layout().logFile(NAME);
        Files.createDirectories(log.getParent());
        Process format = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!format.waitFor(FORMAT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            format.destroyForcibly();
            throw new IOException("Formatting Kafka storage took over " + FORMAT_DEADLINE.toSeconds() + " s");
        }
        if (format.exitValue() != 0) {
            throw new IOException("Formatting Kafka storage failed (exit " + format.exitValue() + "):\n"
                    + LogTail.excerpt(log, 15));
        }
    }

    private List<String> javaPrefix(Path log4j) {
        List<String> prefix = new ArrayList<>();
        prefix.add(context.java().executable().toString());
        prefix.add("-Dlog4j2.configurationFile=" + log4j);
        return prefix;
    }

    static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/io/sluice/stack/" + name)) {
            if (in == null) throw new IOException("Resource io/sluice/stack/" + name + " missing from the CLI's classpath");
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
