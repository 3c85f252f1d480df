package io.sluice.testkit;

import io.sluice.runtime.kafka.SingleNodeBroker;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The images of docker-compose.yml through Testcontainers. Without a Docker engine every start
 * aborts the calling test (reported as skipped), so the suite can be run on machines without one.
 */
final class ContainersInfrastructure extends LazyInfrastructure {

    private static final int APICURIO_PORT = 8080;
    private static final String MINIO_USER = "sluice-test";
    private static final String MINIO_PASSWORD = "sluice-test-secret-key";

    ContainersInfrastructure() {
        super(Infrastructures.CONTAINERS);
    }

    @Override
    protected KafkaServer startKafka() {
        requireDocker();
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse(ContainerImages.KAFKA))
                .withEnv(SingleNodeBroker.asContainerEnvironment());
        closeAtEnd(kafka).start();
        return closeAtEnd(new AdminKafkaServer(kafka.getBootstrapServers()));
    }

    @Override
    protected SchemaRegistryServer startRegistry() {
        requireDocker();
        // Quarkus reads APICURIO_FOO_BAR as apicurio.foo.bar; same settings as the process provider
        GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse(ContainerImages.APICURIO))
                .withExposedPorts(APICURIO_PORT)
                .withEnv("APICURIO_CCOMPAT_USE_CANONICAL_HASH", "true")
                .withEnv("APICURIO_RULES_GLOBAL_COMPATIBILITY", "BACKWARD")
                .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(2)));
        closeAtEnd(registry).start();
        return new RegistryUrl("http://" + registry.getHost() + ":" + registry.getMappedPort(APICURIO_PORT)
                + "/apis/ccompat/v7");
    }

    @Override
    protected S3Server startS3() {
        requireDocker();
        MinIOContainer minio = new MinIOContainer(DockerImageName.parse(ContainerImages.MINIO)
                .asCompatibleSubstituteFor("minio/minio"))
                .withUserName(MINIO_USER)
                .withPassword(MINIO_PASSWORD);
        closeAtEnd(minio).start();
        return closeAtEnd(new MinioS3Server(minio.getS3URL(), MINIO_USER, MINIO_PASSWORD));
    }

    private static void requireDocker() {
        Assumptions.assumeTrue(DockerAvailability.isAvailable(), DockerAvailability.UNAVAILABLE_MESSAGE);
    }
}
