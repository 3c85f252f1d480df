package io.sluice.testkit;

/**
 * The images of docker-compose.yml, for the containers provider. Keep the two in step; each can be
 * overridden with a system property to try another tag without a rebuild.
 */
final class ContainerImages {

    static final String KAFKA = image("sluice.image.kafka", "apache/kafka:4.3.1");
    static final String APICURIO = image("sluice.image.apicurio", "apicurio/apicurio-registry:3.0.9");
    // MinIO stopped publishing images after this line of releases; pin one that exists
    static final String MINIO = image("sluice.image.minio", "minio/minio:RELEASE.2025-04-22T22-12-26Z");

    private ContainerImages() {
    }

    private static String image(String property, String defaultImage) {
        String configured = System.getProperty(property);
        return configured == null || configured.isBlank() ? defaultImage : configured;
    }
}
