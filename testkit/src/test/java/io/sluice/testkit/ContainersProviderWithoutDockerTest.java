package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;

/**
 * Runs a test class under the containers provider in a nested JUnit engine, to show that it is
 * skipped with a clear message where no Docker engine exists (as on the project's build machines).
 */
class ContainersProviderWithoutDockerTest {

    @Test
    void shouldSkipTestClassesWithAMessageWhenDockerIsMissing() {
        Assumptions.assumeFalse(DockerAvailability.isAvailable(), "a Docker engine exists here");

        Events containers = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Infrastructures.PROVIDER_PROPERTY, Infrastructures.CONTAINERS)
                .selectors(selectClass(SampleNeedingServers.class))
                .execute()
                .containerEvents();

        containers.assertThatEvents().haveExactly(1, event(container(SampleNeedingServers.class),
                skippedWithReason(reason -> reason.contains("Docker engine not available"))));
        assertThat(SampleNeedingServers.ran).isFalse();
    }

    @Test
    void shouldAbortInsteadOfFailingWhenAContainerIsRequestedWithoutDocker() {
        Assumptions.assumeFalse(DockerAvailability.isAvailable(), "a Docker engine exists here");

        try (Infrastructure infrastructure = Infrastructures.create(Infrastructures.CONTAINERS)) {
            assertThatThrownBy(infrastructure::s3)
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("Docker engine not available");
            // not remembered as a failed start: asking again skips again
            assertThatThrownBy(infrastructure::s3)
                    .isInstanceOf(TestAbortedException.class);
        }
    }

    /** Run only through the nested engine above (surefire skips nested classes). */
    @RealServers
    static class SampleNeedingServers {
        static volatile boolean ran;

        @Test
        void usesS3(S3Server s3) {
            ran = true;
            assertThat(s3.endpoint()).isNotBlank();
        }
    }
}
