package io.sluice.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Paths: the state directory ({@code .sluice/}: {@code run/} pid files, {@code logs/},
 * {@code data/}, {@code conf/} generated configuration, {@code cds/}, {@code dev-token}) and the build outputs
 * the stack runs (jars and classpath files under each module's {@code target/}).
 */
public record StackLayout(Path projectRoot, Path home) {

    public static StackLayout of(StackEnvironment environment) {
        return new StackLayout(environment.projectRoot(), environment.home());
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path confDir() {
        return home.resolve("conf");
    }

    public Path devTokenFile() {
        return home.resolve("dev-token");
    }

    /** The operator token: the admin routes' ({@code SLUICE_OPERATOR_TOKENS}), made like the development token. */
    public Path operatorTokenFile() {
        return home.resolve("operator-token");
    }

    public Path pidFile(String component) {
        return runDir().resolve(component + ".pid");
    }

    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    public Path dataDir(String component) {
        return dataDir().resolve(component);
    }

    /** Class-data-sharing archives: faster JVM starts from the second start on. */
    public Path cdsDir() {
        return home.resolve("cds");
    }

    /** What {@code reset} deletes: everything the stack writes under its home, and nothing else. */
    public List<Path> resettablePaths() {
        return List.of(runDir(), logsDir(), dataDir(), confDir(), cdsDir(), devTokenFile(), operatorTokenFile());
    }

    public Path moduleTarget(String module) {
        return projectRoot.resolve(module).resolve("target");
    }

    /** {@code <module>/target/classpath.txt}, written at {@code package} by maven-dependency-plugin. */
    public Path classpathFile(String module) {
        return moduleTarget(module).resolve("classpath.txt");
    }

    public Path moduleJar(String module) {
        return moduleTarget(module).resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    public Path s3ProxyJar() {
        return moduleTarget("local-stack").resolve("s3proxy").resolve("s3proxy.jar");
    }

    /** The Apicurio runner jar unpacked by the build into {@code local-stack/target/apicurio/}. */
    public Path registryRunnerJar() {
        Path dir = moduleTarget("local-stack").resolve("apicurio");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir, 3)) {
                var found = files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst();
                if (found.isPresent()) return found.get();
            } catch (IOException e) {
                throw new BuildOutputMissing("Cannot list " + dir + ": " + e.getMessage());
            }
        }
        throw new BuildOutputMissing("No Apicurio *-runner.jar under " + dir);
    }

    /** The contents of a classpath file, checked to exist. */
    public String classpath(String module) {
        Path file = requireBuilt(classpathFile(module));
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new BuildOutputMissing("Cannot read " + file + ": " + e.getMessage());
        }
    }

    public Path requireBuilt(Path file) {
        if (!Files.isRegularFile(file)) throw new BuildOutputMissing("Missing " + file);
        return file;
    }

    /** A build output the stack needs is not there: {@code ./sluice build} makes it. */
    public static final class BuildOutputMissing extends RuntimeException {
        public BuildOutputMissing(String message) {
            super(message + " (run ./sluice build)");
        }
    }
}
