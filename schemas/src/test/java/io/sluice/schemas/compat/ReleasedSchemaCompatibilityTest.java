package io.sluice.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate: the schemas in src/main/avro must read everything written with every
 * released version. Checking every release, not only the last, is what a replay from offset zero
 * needs: it reads records written by all of them.
 */
class ReleasedSchemaCompatibilityTest {
  static final Path CURRENT = Path.of("src/main/avro");
  static final Path RELEASED = Path.of("src/test/resources/released");

  @Test
  void current_schemas_read_everything_written_with_every_released_version() throws IOException {
    List<Path> releases = releases();
    assertThat(releases).as("released versions under " + RELEASED).isNotEmpty();

    for (Path release : releases) {
      List<BackwardCompatibility.Problem> problems = BackwardCompatibility.check(
          release.getFileName().toString(), SchemaSet.parse(release), SchemaSet.parse(CURRENT));
      assertThat(problems)
          .as("schema changes that break BACKWARD compatibility with release " + release.getFileName())
          .isEmpty();
    }
  }

  static List<Path> releases() throws IOException {
    try (Stream<Path> dirs = Files.list(RELEASED)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }
}
