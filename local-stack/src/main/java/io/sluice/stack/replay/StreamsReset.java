package io.sluice.stack.replay;

import io.sluice.stack.StackFailure;
import io.sluice.stack.component.StackContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kafka's Streams application reset tool ({@code org.apache.kafka.tools.StreamsResetter}, in
 * {@code kafka-tools}), run as its own process on the classpath of the stack's broker, which
 * includes it: input offsets back to the earliest retained record, internal topics (changelogs)
 * deleted. {@code --force} removes the group members the stopped app leaves behind (a Streams
 * consumer does not leave its group on close, and the broker would otherwise wait for its session
 * to time out); the caller has stopped every instance first.
 */
public final class StreamsReset {

    private static final long DEADLINE_SECONDS = 120;

    private StreamsReset() {}

    /** The tool's command line; the caller adds nothing. */
    public static List<String> arguments(String bootstrap, ReplayTarget.StreamsApp app) {
        return List.of("--bootstrap-server", bootstrap, "--application-id", app.applicationId(),
                "--input-topics", String.join(",", app.inputTopics()), "--to-earliest", "--force");
    }

    public static void run(StackContext context, ReplayTarget.StreamsApp app, PrintStream out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(context.java().executable().toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", context.layout().classpath("kafka-broker"), "org.apache.kafka.tools.StreamsResetter"));
        command.addAll(arguments(context.kafkaBootstrap(), app));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new StackFailure("The Streams reset tool did not finish within " + DEADLINE_SECONDS + " s:\n" + output);
        }
        output.lines().filter(line -> !line.isBlank() && !line.contains("StatusLogger"))
                .forEach(line -> out.println("  " + line));
        if (process.exitValue() != 0) {
            throw new StackFailure("The Streams reset tool failed (exit " + process.exitValue() + ") for "
                    + app.applicationId());
        }
    }
}
