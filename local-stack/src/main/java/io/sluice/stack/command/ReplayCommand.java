package io.sluice.stack.command;

import io.sluice.runtime.service.ServiceId;
import io.sluice.stack.FileTrees;
import io.sluice.stack.Stack;
import io.sluice.stack.StackFailure;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.KafkaBroker;
import io.sluice.stack.component.SluiceService;
import io.sluice.stack.replay.InputOffsets;
import io.sluice.stack.replay.LogBytes;
import io.sluice.stack.replay.ReplayProgress;
import io.sluice.stack.replay.ReplayTarget;
import io.sluice.stack.replay.StreamsReset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code replay <service>}: throws away a service's state and rebuilds it from the topics (README,
 * "Recovery"). For a Streams app (session-processor, index-projector): stop every instance, delete
 * its local state directory, run Kafka's Streams reset tool (inputs to the earliest offset,
 * changelogs deleted), start it again and report progress until it has processed everything its
 * inputs held when the replay began. The ingest API is restarted; the blob writer is refused.
 */
public final class ReplayCommand {

    private static final Duration TOPIC_DELETION_DEADLINE = Duration.ofSeconds(30);

    private final Stack stack;
    private final PrintStream err;

    public ReplayCommand(Stack stack, PrintStream err) {
        this.stack = stack;
        this.err = err;
    }

    public int run(String name) throws Exception {
        Component component = stack.components().byName(name);
        if (!(component instanceof SluiceService service)) {
            err.println("error: " + name + " is infrastructure, not a service: replay rebuilds a service's state from Kafka");
            return 2;
        }
        ReplayTarget target = ReplayTarget.of(service.id());
        return switch (target) {
            case ReplayTarget.Refused refused -> {
                err.println("error: " + refused.why());
                yield 1;
            }
            case ReplayTarget.RebuildViews rebuild -> {
                stack.out().println(rebuild.why());
                List<Component> instances = instancesOf(service.id());
                stack.stop(instances);
                for (Component instance : instances) deleteState(instance);
                stack.startAndAwait(instances);
                yield 0;
            }
            case ReplayTarget.StreamsApp app -> replay(service.id(), app);
        };
    }

    private int replay(ServiceId id, ReplayTarget.StreamsApp app) throws Exception {
        requireKafka();
        PrintStream out = stack.out();
        List<Component> instances = instancesOf(id);
        out.printf("Replaying %s (Streams application %s) from %s%n", id.moduleName(), app.applicationId(),
                String.join(", ", app.inputTopics()));
        stack.stop(instances);
        for (Component instance : instances) deleteState(instance);
        try (Admin admin = Admin.create(adminProperties())) {
            InputOffsets inputs = InputOffsets.read(admin, app.inputTopics());
            long bytes = LogBytes.of(admin, app.inputTopics());
            out.printf("%s: resetting offsets and internal topics with Kafka's StreamsResetter%n", app.applicationId());
            StreamsReset.run(stack.context(), app, out);
            awaitInternalTopicsDeleted(admin, app.applicationId());
            out.printf("%,d records (%.1f MiB) to replay; starting %s%n", inputs.total(), bytes / (1024.0 * 1024.0),
                    id.moduleName());
            long start = System.nanoTime();
            stack.startAndAwait(instances);
            new ReplayProgress(admin, app.applicationId(), inputs, out).await(start, System.nanoTime(),
                    () -> allRunning(instances), bytes);
        }
        return 0;
    }

    /** The service's instances (a second session-processor runs when the stack is configured so). */
    private List<Component> instancesOf(ServiceId id) {
        return stack.components().services().stream()
                .filter(c -> c instanceof SluiceService s && s.id() == id).toList();
    }

    private void requireKafka() throws IOException {
        if (stack.supervisor().running(stack.components().byName(KafkaBroker.NAME)).isEmpty()) {
            throw new StackFailure("kafka is not running; replay reads the topics: ./sluice up first");
        }
    }

    /** A service's {@code SLUICE_STATE_DIR}: {@code data/<component>/state} (see ServiceEnvironment). */
    private void deleteState(Component instance) throws IOException {
        Path stateDir = stack.context().layout().dataDir(instance.name()).resolve("state");
        if (!Files.exists(stateDir)) return;
        FileTrees.delete(stateDir);
        stack.out().println("deleted " + stateDir + " (local state stores)");
    }

    /** Topic deletion completes asynchronously; the app must not start while its changelogs still exist. */
    private void awaitInternalTopicsDeleted(Admin admin, String applicationId)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TOPIC_DELETION_DEADLINE.toNanos();
        while (true) {
            Set<String> topics = admin.listTopics().names().get();
            List<String> left = topics.stream().filter(t -> t.startsWith(applicationId + "-")).toList();
            if (left.isEmpty()) return;
            if (System.nanoTime() - deadline > 0) {
                throw new StackFailure("Internal topics still exist " + TOPIC_DELETION_DEADLINE.toSeconds()
                        + " s after their deletion: " + left);
            }
            Thread.sleep(100);
        }
    }

    private boolean allRunning(List<Component> instances) {
        try {
            for (Component instance : instances) {
                if (stack.supervisor().running(instance).isEmpty()) return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties adminProperties() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.context().kafkaBootstrap());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-replay");
        return p;
    }
}
