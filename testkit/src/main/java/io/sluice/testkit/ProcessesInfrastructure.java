package io.sluice.testkit;

/**
 * The project's own servers, no Docker: Kafka (KRaft) and S3Proxy inside the test JVM, Apicurio
 * Registry as a child process. Data lives under the module's build directory.
 */
final class ProcessesInfrastructure extends LazyInfrastructure {

    ProcessesInfrastructure() {
        super(Infrastructures.PROCESSES);
    }

    @Override
    protected KafkaServer startKafka() throws Exception {
        EmbeddedKafkaCluster cluster = closeAtEnd(EmbeddedKafkaCluster.start(TestDirectories.newDirectory("kafka")));
        return closeAtEnd(new AdminKafkaServer(cluster.bootstrapServers()));
    }

    @Override
    protected SchemaRegistryServer startRegistry() throws Exception {
        ApicurioProcess registry = closeAtEnd(ApicurioProcess.start(
                ApicurioDistribution.runnerJar(), TestDirectories.newDirectory("apicurio")));
        return new RegistryUrl(registry.url());
    }

    @Override
    protected S3Server startS3() throws Exception {
        EmbeddedS3Proxy proxy = closeAtEnd(EmbeddedS3Proxy.start(TestDirectories.newDirectory("s3")));
        return closeAtEnd(new MinioS3Server(proxy.endpoint(), EmbeddedS3Proxy.ACCESS_KEY, EmbeddedS3Proxy.SECRET_KEY));
    }
}
