package io.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where tests keep their files: under the module's build directory, so {@code mvn clean} removes
 * what a killed JVM left behind, and nothing lands in /tmp.
 */
public final class TestDirectories {

    /** Set by surefire (root pom) to the module's {@code target} directory. */
    static final String BUILD_DIR_PROPERTY = "sluice.build.dir";
    /** Set by surefire (root pom) to the reactor root. */
    static final String PROJECT_ROOT_PROPERTY = "sluice.project.root";

    private TestDirectories() {
    }

    /** The module's build directory ({@code sluice.build.dir}, else {@code ./target}). */
    public static Path buildDirectory() {
        return Path.of(System.getProperty(BUILD_DIR_PROPERTY, "target")).toAbsolutePath().normalize();
    }

    /**
     * The reactor root ({@code sluice.project.root}, else the nearest directory upwards from the
     * working directory that holds {@code testkit/pom.xml}, else the working directory).
     */
    public static Path projectRoot() {
        String configured = System.getProperty(PROJECT_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("testkit").resolve("pom.xml"))) {
                return dir;
            }
        }
        return workingDirectory;
    }

    /** A new, empty directory named {@code <prefix>-<random>} under {@code <build dir>/test-data}. */
    public static Path newDirectory(String prefix) {
        try {
            Path parent = Files.createDirectories(buildDirectory().resolve("test-data"));
            return Files.createTempDirectory(parent, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for " + prefix + " under " + buildDirectory(), e);
        }
    }

    /** Deletes a directory tree, deepest entries first. */
    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}
