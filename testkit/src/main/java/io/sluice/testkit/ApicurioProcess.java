package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry 3 as a child process of the test JVM, on a free loopback port, with its schemas
 * in memory (H2). It is stopped by {@link #close()}, and by a shutdown hook if the test JVM exits
 * without closing it.
 */
final class ApicurioProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final Path logFile;

    private ApicurioProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts the registry and returns once {@code /health/ready} answers 200. */
    static ApicurioProcess start(Path runnerJar, Path workDirectory) throws IOException {
        int port = freeLoopbackPort();
        Path logFile = workDirectory.resolve("apicurio.log");
        Process process = new ProcessBuilder(command(runnerJar, port))
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        ApicurioProcess started = new ApicurioProcess(process, port, logFile);
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "sluice-testkit-apicurio-stopper"));
        try {
            started.awaitReady();
            return started;
        } catch (RuntimeException | Error e) {
            started.stop();
            throw e;
        }
    }

    private static List<String> command(Path runnerJar, int port) {
        // the test JVM's own java: the build already requires a JDK >= 21
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java,
                // small, quick-starting JVM: ready in about half the time of a default one
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                // the jar sets its own categories and access log to INFO: cap what reaches the log file
                "-Dquarkus.log.console.level=WARN",
                "-Dquarkus.banner.enabled=false",
                // ids stay the same for the same schema text however it is formatted
                "-Dapicurio.ccompat.use-canonical-hash=true",
                // the project's rule for every subject, enforced on registration (Apicurio's own
                // default is NONE; its ccompat GET /config still answers NONE, the rule applies anyway)
                "-Dapicurio.rules.global.compatibility=BACKWARD",
                "-jar", runnerJar.toString());
    }

    /** A port that was free a moment ago; Quarkus needs a fixed number, not 0. */
    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() {
        URI health = URI.create("http://127.0.0.1:" + port + "/health/ready");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
            // stop waiting as soon as the process dies: its log says why
            Await.until(READY_TIMEOUT,
                    () -> !process.isAlive()
                            || http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200,
                    "Apicurio Registry at " + health + " to be ready (log: " + logFile + ")");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + logTail(), e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("Apicurio Registry exited with status " + process.exitValue()
                    + " before it was ready; " + logTail());
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return "last lines of " + logFile + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "its log " + logFile + " cannot be read: " + e;
        }
    }

    /** Confluent-compatible API base URL. */
    String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    @Override
    public void close() {
        stop();
    }

    /** Terminates the process and its descendants, forcibly if they outlive the grace period. */
    private void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
