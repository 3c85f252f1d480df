package io.sluice.testkit;

import java.util.Locale;

/** Creates an {@link Infrastructure} from the provider named by the system property {@code sluice.infra}. */
public final class Infrastructures {

    /** System property (and JUnit configuration parameter) naming the provider. */
    public static final String PROVIDER_PROPERTY = "sluice.infra";
    /** The project's own servers: Kafka and S3Proxy in this JVM, Apicurio as a child process. */
    public static final String PROCESSES = "processes";
    /** Testcontainers with the images of docker-compose.yml; needs a Docker engine. */
    public static final String CONTAINERS = "containers";

    private Infrastructures() {
    }

    /** The provider named by {@code sluice.infra}, {@value #PROCESSES} when unset. Starts nothing yet. */
    public static Infrastructure create() {
        return create(selectedProvider(System.getProperty(PROVIDER_PROPERTY)));
    }

    /** Starts nothing yet: each server starts on its first request. */
    public static Infrastructure create(String provider) {
        return switch (provider) {
            case PROCESSES -> new ProcessesInfrastructure();
            case CONTAINERS -> new ContainersInfrastructure();
            default -> throw new IllegalArgumentException(
                    "Unknown " + PROVIDER_PROPERTY + " '" + provider + "': use " + PROCESSES + " or " + CONTAINERS);
        };
    }

    /** Normalises a configured provider name; blank or missing means {@value #PROCESSES}. */
    static String selectedProvider(String configured) {
        if (configured == null || configured.isBlank()) {
            return PROCESSES;
        }
        return configured.trim().toLowerCase(Locale.ROOT);
    }
}
