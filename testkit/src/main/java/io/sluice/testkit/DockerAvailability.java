package io.sluice.testkit;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker engine; asked once per JVM (Testcontainers caches it too). */
final class DockerAvailability {

    static final String UNAVAILABLE_MESSAGE =
            "Docker engine not available: the containers profile needs one; skipping";

    private DockerAvailability() {
    }

    static boolean isAvailable() {
        return Holder.AVAILABLE;
    }

    /** Lazy holder: the check only runs when the containers provider is selected. */
    private static final class Holder {
        static final boolean AVAILABLE = DockerClientFactory.instance().isDockerAvailable();
    }
}
