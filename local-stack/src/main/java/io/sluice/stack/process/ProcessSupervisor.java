package io.sluice.stack.process;

import io.sluice.stack.StackFailure;
import io.sluice.stack.StackLayout;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.LaunchSpec;
import io.sluice.stack.readiness.PortCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts, finds and stops component processes through their pid files, so that any later
 * {@code ./sluice} invocation can manage what an earlier one started.
 *
 * <p>Each process runs in its own session ({@code setsid}, where available): Ctrl-C in the
 * terminal then reaches only the CLI, which stops the components in order, and a detached stack
 * survives the terminal closing. {@code setsid} replaces itself with the command, keeping the pid
 * the pid file records; it would fork instead only if started as a process-group leader, which a
 * JVM's child is not (it stays in the JVM's group).
 */
public final class ProcessSupervisor {

    private static final Duration KILL_DEADLINE = Duration.ofSeconds(10);
    private static final Duration EXIT_POLL_INTERVAL = Duration.ofMillis(50);
    private static final Optional<Path> SETSID = findOnPath("setsid");

    private final StackLayout layout;

    public ProcessSupervisor(StackLayout layout) {
        this.layout = layout;
    }

    /** The live process of a component, if its pid file names one. */
    public Optional<ProcessHandle> running(Component component) throws IOException {
        Optional<PidFile> pidFile = PidFile.read(layout.pidFile(component.name()));
        return pidFile.flatMap(PidFile::liveProcess);
    }

    /**
     * Launches the component: prepares its configuration, checks its ports are free, starts the
     * process with its output appended to its log, writes the pid file.
     */
    public Process start(Component component) throws IOException, InterruptedException {
        Path log = layout.logFile(component.name());
        Files.createDirectories(log.getParent());
        appendLine(log, "==== " + Instant.now() + " ./sluice starts " + component.name());
        LaunchSpec spec = component.prepare();
        for (int port : component.ports()) {
            if (PortCheck.inUse(port)) {
                throw new StackFailure(component.name() + " cannot start: port " + port + " is in use by another"
                        + " process (stop it, or run the stack with SLUICE_STACK_PORT_OFFSET)");
            }
        }
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(spec.command()))
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // Only the stack decides a component's configuration, not the operator's shell.
        environment.keySet().removeIf(name -> name.startsWith("SLUICE_"));
        environment.putAll(spec.environment());
        Process process = builder.start();
        PidFile.of(process.toHandle()).write(layout.pidFile(component.name()));
        return process;
    }

    /**
     * Stops a component: SIGTERM, then SIGKILL if it has not exited within its stop deadline.
     *
     * @return false when it was not running
     */
    public boolean stop(Component component) throws IOException, InterruptedException {
        Optional<ProcessHandle> process = running(component);
        if (process.isEmpty()) {
            Files.deleteIfExists(layout.pidFile(component.name()));
            return false;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        if (!awaitExit(handle, component.stopDeadline())) {
            appendLine(layout.logFile(component.name()), "==== " + Instant.now() + " ./sluice: no exit within "
                    + component.stopDeadline().toSeconds() + " s of SIGTERM; killing");
            handle.destroyForcibly();
            awaitExitOrFail(component, handle);
        }
        Files.deleteIfExists(layout.pidFile(component.name()));
        return true;
    }

    /**
     * Kills a component abruptly (SIGKILL), as a crash would. The pid file stays until the next
     * start or stop finds the process gone.
     *
     * @return false when it was not running
     */
    public boolean kill(Component component) throws IOException, InterruptedException {
        Optional<ProcessHandle> process = running(component);
        if (process.isEmpty()) return false;
        appendLine(layout.logFile(component.name()), "==== " + Instant.now() + " ./sluice kill: SIGKILL");
        process.get().destroyForcibly();
        awaitExitOrFail(component, process.get());
        return true;
    }

    private void awaitExitOrFail(Component component, ProcessHandle handle) throws InterruptedException {
        if (!awaitExit(handle, KILL_DEADLINE)) {
            throw new IllegalStateException(component.name() + " (pid " + handle.pid() + ") is still alive "
                    + KILL_DEADLINE.toSeconds() + " s after SIGKILL");
        }
    }

    /**
     * Waits for the process to exit. A process this JVM did not start completes its
     * {@code onExit()} only through the JDK's own polling, which backs off to seconds, and only
     * once reaped; checking at a short interval reports the exit within that interval.
     */
    private static boolean awaitExit(ProcessHandle handle, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (ProcessLiveness.isRunning(handle)) {
            if (System.nanoTime() - end > 0) return false;
            try {
                handle.onExit().get(EXIT_POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillAlive) {
                // check again
            } catch (ExecutionException e) {
                throw new IllegalStateException("Waiting for pid " + handle.pid() + " failed", e.getCause());
            }
        }
        return true;
    }

    private static List<String> inOwnSession(List<String> command) {
        if (SETSID.isEmpty()) return command;
        List<String> wrapped = new ArrayList<>();
        wrapped.add(SETSID.get().toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static void appendLine(Path log, String line) throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
