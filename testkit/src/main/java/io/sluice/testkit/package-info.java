/**
 * Real servers for tests: Kafka (KRaft), a Confluent-compatible schema registry (Apicurio) and an
 * S3-compatible object store, behind {@link io.sluice.testkit.Infrastructure}.
 *
 * <pre>{@code
 * @RealServers
 * class ChunkStoreIT {
 *     @BeforeAll
 *     static void topics(KafkaServer kafka) {
 *         kafka.createTopic("chunks", 3, Map.of("max.message.bytes", "16777216"));
 *     }
 *
 *     @Test
 *     void storesAChunk(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) { ... }
 * }
 * }</pre>
 *
 * <p>Each server starts once per test JVM, on its first request, on ephemeral ports, with its data
 * under the module's {@code target/}. {@code -Dsluice.infra=processes} (the default) runs the
 * project's own servers; {@code containers} (Maven profile {@code -Pcontainers}) runs the images of
 * docker-compose.yml through Testcontainers and skips the tests where no Docker engine exists.
 * {@link io.sluice.testkit.Await} waits for state with a deadline; {@link io.sluice.testkit.TestDirectories}
 * gives directories under {@code target/}.
 */
package io.sluice.testkit;
