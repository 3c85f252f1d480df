package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The registry launcher's failure paths; the happy path is SchemaRegistryServerTest. */
class ApicurioProcessTest {

    @Test
    void shouldFailFastWithTheLogTailWhenTheRegistryExits() throws Exception {
        Path directory = TestDirectories.newDirectory("apicurio-broken");
        Path notAJar = Files.writeString(directory.resolve("broken-runner.jar"), "not a jar");

        assertThatThrownBy(() -> ApicurioProcess.start(notAJar, directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with status")
                .hasMessageContaining("apicurio.log");
    }

    @Test
    void shouldNameTheMavenCommandWhenTheRegistryIsNotUnpacked() {
        Path empty = TestDirectories.newDirectory("apicurio-missing");

        assertThatThrownBy(() -> ApicurioDistribution.runnerJarIn(empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -pl testkit generate-resources")
                .hasMessageContaining(empty.toString());
    }
}
