package io.sluice.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code <root>/sluice} as an operator would, against a stack of its own: its state under
 * {@code e2e-tests/target} and every port shifted, so a developer's stack keeps running. The
 * script must not build (this runs inside a Maven build, which has packaged everything).
 */
final class SluiceScript {

    /** What one invocation printed and returned. */
    record Result(int exitCode, String output) {}

    private final Path root;
    private final Map<String, String> environment;

    SluiceScript(Path root, Path stackHome, int portOffset) {
        this(root, stackHome, portOffset, Map.of());
    }

    /** @param moreEnvironment further variables of {@code ./sluice}, e.g. {@code SLUICE_STACK_SESSION_PROCESSORS} */
    SluiceScript(Path root, Path stackHome, int portOffset, Map<String, String> moreEnvironment) {
        this.root = root;
        Map<String, String> env = new java.util.HashMap<>(moreEnvironment);
        env.put("SLUICE_STACK_HOME", stackHome.toString());
        env.put("SLUICE_STACK_PORT_OFFSET", String.valueOf(portOffset));
        env.put("SLUICE_NO_BUILD", "1");
        this.environment = Map.copyOf(env);
    }

    Result run(Duration deadline, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("sluice").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                String threads = threadDump(process); // ./sluice execs its JVM: the same pid
                process.destroyForcibly();
                fail("./sluice %s took over %d s; output:%n%s%nits threads:%n%s", String.join(" ", args),
                        deadline.toSeconds(), outputOfEnded(output), threads);
            }
            Result result = new Result(process.exitValue(), output.join());
            System.out.printf("$ ./sluice %s  -> exit %d%n%s%n", String.join(" ", args), result.exitCode(), result.output());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running ./sluice " + String.join(" ", args), e);
        }
    }

    /** Runs a shell script (a README block) with bash in {@code directory}, with this stack's environment. */
    Result bash(Duration deadline, Path directory, String script) {
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("%s took over %d s; output:%n%s", script, deadline.toSeconds(), outputOfEnded(output));
            }
            Result result = new Result(process.exitValue(), output.join());
            System.out.printf("$ %s  -> exit %d%n%s%n", script, result.exitCode(), result.output());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + script, e);
        }
    }

    /** What a process killed for taking too long wrote: its output ends once it is gone. */
    private static String outputOfEnded(CompletableFuture<String> output) {
        try {
            return output.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "(unavailable: " + e + ")";
        }
    }

    /** The threads of a JVM that takes too long, so that a timeout says where it waits. */
    private static String threadDump(Process process) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            CompletableFuture<String> dump = CompletableFuture.supplyAsync(() -> readAll(jcmd));
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) jcmd.destroyForcibly();
            return outputOfEnded(dump);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
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
