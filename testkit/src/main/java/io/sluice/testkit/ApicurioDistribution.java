package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds Apicurio Registry's runnable jar, which the testkit build unpacks into
 * {@code testkit/target/apicurio} (download-maven-plugin, phase generate-resources).
 */
final class ApicurioDistribution {

    /** Overrides the directory that holds the {@code *-runner.jar}. */
    static final String DIRECTORY_PROPERTY = "sluice.apicurio.dir";

    private ApicurioDistribution() {
    }

    static Path runnerJar() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : TestDirectories.projectRoot().resolve("testkit").resolve("target").resolve("apicurio");
        return runnerJarIn(directory);
    }

    static Path runnerJarIn(Path directory) {
        List<Path> jars = runnerJarsIn(directory);
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected one Apicurio Registry *-runner.jar in " + directory
                    + " but found " + (jars.isEmpty() ? "none" : jars) + ". Unpack it with"
                    + " `./mvnw -pl testkit generate-resources` from the project root, or point -D"
                    + DIRECTORY_PROPERTY + " at a directory that holds one.");
        }
        return jars.getFirst();
    }

    private static List<Path> runnerJarsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-runner.jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
