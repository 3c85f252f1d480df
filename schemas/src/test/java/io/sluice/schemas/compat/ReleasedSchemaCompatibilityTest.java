package io.sluice.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate: the schemas in src/main/avro must read everything written with every
 * released version. Checking every release, not only the last, is what a replay from offset zero
 * needs: it reads records written by all of them.
 */
class ReleasedSchemaCompatibilityTest {
    @Test
    void shouldLetTheCurrentSchemasReadEverythingWrittenWithEveryReleasedVersion() {
        List<Path> releases = SchemaSet.releases();
        assertThat(releases).as("released versions under " + SchemaSet.RELEASED).isNotEmpty();

        for (Path release : releases) {
            List<BackwardCompatibility.Problem> problems = BackwardCompatibility.check(
                    release.getFileName().toString(), SchemaSet.parse(release), SchemaSet.parse(SchemaSet.CURRENT));
            assertThat(problems)
                    .as("schema changes that break BACKWARD compatibility with release " + release.getFileName())
                    .isEmpty();
        }
    }
}
