package io.sluice.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command line as an operator types it ({@code bash -c}, in the repository root), against a
 * stack of its own (home and port offset in the environment); extra variables per command, so that
 * a test can hand the JVMs a setting ({@code JAVA_TOOL_OPTIONS}) without changing the command.
 */
final class OperatorShell {

    record Result(int exitCode, String output) {}

    private final Path root;
    private final Map<String, String> environment;

    OperatorShell(Path root, Path stackHome, int portOffset) {
        this.root = root;
        this.environment = Map.of("SLUICE_STACK_HOME", stackHome.toString(),
                "SLUICE_STACK_PORT_OFFSET", String.valueOf(portOffset), "SLUICE_NO_BUILD", "1");
    }

    Result run(Duration deadline, Map<String, String> extra, String commandLine) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c", commandLine)).directory(root.toFile())
                    .redirectErrorStream(true);
            Map<String, String> env = new HashMap<>(environment);
            env.putAll(extra);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().putAll(env);
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            long start = System.nanoTime();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("%s took over %d s; output:%n%s", commandLine, deadline.toSeconds(), output.getNow("(unavailable)"));
            }
            Result result = new Result(process.exitValue(), output.join());
            System.out.printf("$ %s  -> exit %d in %.1f s%n%s%n", commandLine, result.exitCode(),
                    (System.nanoTime() - start) / 1e9, result.output());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + commandLine, e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
