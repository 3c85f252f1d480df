package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.stack.PortPlan;
import io.sluice.stack.StackEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The local stack of the crash tests, driven through {@code ./sluice} like an operator would: its
 * own home under {@code e2e-tests/target/crash-stack} and port offset 21000 (beside the developer's
 * stack and the other end-to-end test's), configured for two session-processor instances of which
 * only the first runs until a test starts the second.
 */
final class CrashStack {

    static final int PORT_OFFSET = 21000;
    static final PortPlan PORTS = PortPlan.withOffset(PORT_OFFSET);
    static final String SECOND_SESSION_PROCESSOR = "session-processor-2";
    /** Everything but the second session-processor instance. */
    static final String[] SINGLE_INSTANCE_STACK = {"kafka", "registry", "s3", "ingest-api", "session-processor",
            "blob-writer", "index-projector"};
    /**
     * A start waits for readiness, and a restarted Streams app is ready only once the group has
     * dropped the killed member (its session timeout) and rebalanced: far longer while other builds
     * share the two cores.
     */
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(150);

    private final Path home;
    private final SluiceScript sluice;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CrashStack() {
        Path root = Path.of(System.getProperty("sluice.project.root"));
        this.home = root.resolve("e2e-tests/target/crash-stack");
        this.sluice = new SluiceScript(root, home, PORT_OFFSET, Map.of(StackEnvironment.SESSION_PROCESSORS_ENV, "2"));
    }

    /** Stops what an aborted earlier run left, deletes its state, starts the stack but the second instance. */
    void startFresh() throws IOException {
        sluice.run(COMMAND_DEADLINE, "down");
        deleteRecursively(home);
        start(SINGLE_INSTANCE_STACK);
    }

    void stopAll() {
        sluice.run(COMMAND_DEADLINE, "down");
    }

    /** {@code ./sluice up --detach <components>}: starts what is not running, returns once each is ready. */
    void start(String... components) {
        run(prepend("up", "--detach", components));
    }

    /** {@code ./sluice kill}: SIGKILL, no shutdown hook, no commit. */
    void kill(String component) {
        SluiceScript.Result result = sluice.run(COMMAND_DEADLINE, "kill", component);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("./sluice kill %s", component).contains(component).contains("killed (pid");
    }

    /** {@code ./sluice down <component>}: SIGTERM, as an operator stops a server. */
    void stop(String component) {
        run("down", component);
    }

    /**
     * Each component's state as {@code ./sluice status} prints it: {@code ready}, {@code stopped}
     * or {@code not ready: <why>}.
     */
    Map<String, String> states() {
        SluiceScript.Result status = sluice.run(COMMAND_DEADLINE, "status");
        Map<String, String> states = new java.util.LinkedHashMap<>();
        status.output().lines().map(String::trim).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] columns = line.split("\\s+", 4); // component, pid, port, state
            if (columns.length == 4) states.put(columns[0], columns[3]);
        });
        return states;
    }

    SluiceClient client() {
        return new SluiceClient("http://127.0.0.1:" + PORTS.service(ServiceId.INGEST_API), token());
    }

    String token() {
        try {
            return Files.readString(home.resolve("dev-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + PORTS.kafka();
    }

    SchemaRegistry registry() {
        return SchemaRegistryClient.of("http://127.0.0.1:" + PORTS.registry() + "/apis/ccompat/v7");
    }

    /** The state directory of a service instance, as the stack gives it ({@code SLUICE_STATE_DIR}). */
    Path stateDir(String component) {
        return home.resolve("data").resolve(component).resolve("state");
    }

    /** The environment a component's process runs with (Linux: {@code /proc/<pid>/environ}). */
    List<String> environmentOf(String component) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("run/" + component + ".pid")).trim().split("\\s+")[0]);
            return List.of(Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    /** A gauge of a service's {@code /metrics}. */
    double metric(ServiceId service, String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS.service(service) + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(line -> line.startsWith(name + "{"))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " on " + service.moduleName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void run(String... args) {
        SluiceScript.Result result = sluice.run(COMMAND_DEADLINE, args);
        assertThat(result.exitCode()).as("./sluice %s:%n%s", String.join(" ", args), result.output()).isZero();
    }

    private static String[] prepend(String first, String second, String[] rest) {
        return Stream.concat(Stream.of(first, second), Stream.of(rest)).toArray(String[]::new);
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
