package io.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node programs of {@code src/test/node} — real upload clients from npm, installed by
 * {@code npm ci} from the committed lockfile — against a running Sluice. Without Node or the packages
 * a test is skipped with the reason, except in CI ({@code SLUICE_CI} set), where {@code .ci/run}
 * installs them and their absence fails.
 */
final class NodeClients {

    static final Path DIRECTORY = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeClients() {}

    /** Skips (or, in CI, fails) unless {@code node} runs and {@code npm ci} has installed {@code module}. */
    static void require(String module) {
        String why = null;
        if (!Files.isDirectory(DIRECTORY.resolve("node_modules").resolve(module))) {
            why = "the npm package " + module + " is not installed: run npm ci in " + DIRECTORY;
        } else if (!nodeRuns()) {
            why = "node is not on the PATH";
        }
        if (why == null) return;
        MissingTool.stop(why);
    }

    /** A program's run: its exit code and the JSON it printed last. */
    record Run(int exitCode, JsonNode result, String output) {}

    /** Runs {@code node <script> <arguments…>} with {@code environment} added, for at most {@code timeoutSeconds}. */
    static Run run(String script, List<String> arguments, Map<String, String> environment, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", DIRECTORY.resolve(script).toString()));
        command.addAll(arguments);
        Path output = Files.createTempFile("node-client", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIRECTORY.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " ran longer than " + timeoutSeconds + " s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            List<String> lines = text.lines().filter(line -> line.startsWith("{")).toList();
            JsonNode result = lines.isEmpty() ? null : JSON.readTree(lines.getLast());
            return new Run(process.exitValue(), result, text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
