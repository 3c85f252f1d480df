package io.sluice.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ChunkReceived;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.SampleEvents;
import io.sluice.schemas.registry.CompatibilityLevel;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSchemas;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The catalogue's topic settings hold on a real broker, and its schemas register on a real registry. */
@RealServers
class TopicCatalogueIntegrationTest {

    @Test
    void shouldCreateEveryCatalogueTopicWithItsPartitionsAndConfiguration(KafkaServer kafka)
            throws Exception {
        Topics.all().forEach(t -> kafka.createTopic(t.name(), t.partitions(), t.config()));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();

            for (TopicSpec<?, ?> topic : Topics.all()) {
                assertThat(described.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.config().forEach((key, value) ->
                        assertThat(actual.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
    }

    @Test
    void shouldCarryALargestChunkThroughATopicConfiguredAsTheRequestTopic(
            KafkaServer kafka, SchemaRegistryServer registryServer) {
        String topic = "it.largest-chunk." + UUID.randomUUID();
        kafka.createTopic(topic, 1, Topics.UPLOAD_REQUESTS.config());
        Serde<UploadRequest> serde = Topics.UPLOAD_REQUESTS.valueSerde(SchemaRegistryClient.of(registryServer.url()));
        UploadRequest largest = new UploadRequest(SampleEvents.chunkReceived(7, randomBytes(Topics.MAX_CHUNK_BYTES)));

        KafkaClients.produce(kafka.bootstrapServers(), topic, SampleEvents.UPLOAD_ID, largest,
                new StringSerializer(), serde.serializer());
        UploadRequest read = KafkaClients.consume(kafka.bootstrapServers(), topic, 1,
                new StringDeserializer(), serde.deserializer()).getFirst().value();

        assertThat(((ChunkReceived) read.getPayload()).getBytes())
                .isEqualTo(((ChunkReceived) largest.getPayload()).getBytes());
    }

    @Test
    void shouldFitADeadLetterHoldingALargestRequestRecordInTheDeadLetterTopic(
            KafkaServer kafka, SchemaRegistryServer registryServer) {
        SchemaRegistryClient registry = SchemaRegistryClient.of(registryServer.url());
        byte[] largestRequestRecord = Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer().serialize(
                Topics.UPLOAD_REQUESTS.name(),
                new UploadRequest(SampleEvents.chunkReceived(0, randomBytes(Topics.MAX_CHUNK_BYTES))));
        String topic = "it.largest-dead-letter." + UUID.randomUUID();
        kafka.createTopic(topic, 1, Topics.DEAD_LETTERS.config());
        Serde<DeadLetter> serde = Topics.DEAD_LETTERS.valueSerde(registry);
        DeadLetter letter = DeadLetter.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTimestamp(Instant.ofEpochMilli(System.currentTimeMillis())).setComponent("test")
                .setSourceTopic(Topics.UPLOAD_REQUESTS.name()).setSourcePartition(0).setSourceOffset(0L)
                .setValue(ByteBuffer.wrap(largestRequestRecord)).setReason(DeadLetterReason.PROCESSING_FAILED)
                .setDetail("x".repeat(4096)).build();

        KafkaClients.produce(kafka.bootstrapServers(), topic, new byte[] {1}, letter,
                new ByteArraySerializer(), serde.serializer());
        DeadLetter read = KafkaClients.consume(kafka.bootstrapServers(), topic, 1,
                new ByteArrayDeserializer(), serde.deserializer()).getFirst().value();

        assertThat(read.getValue()).isEqualTo(ByteBuffer.wrap(largestRequestRecord));
    }

    @Test
    void shouldSetEverySubjectToBackwardRepeatablyWhenRegisteringTheCatalogue(
            SchemaRegistryServer registryServer) {
        SchemaRegistryClient registry = SchemaRegistryClient.of(registryServer.url());

        Map<String, Integer> first = TopicSchemas.registerAll(registry);
        Map<String, Integer> again = TopicSchemas.registerAll(registry);

        assertThat(first.keySet()).containsExactlyElementsOf(
                Topics.all().stream().map(TopicSpec::valueSubject).toList());
        assertThat(again).isEqualTo(first);
        assertThat(registry.subjects()).containsAll(first.keySet());
        first.keySet().forEach(subject ->
                assertThat(registry.compatibility(subject)).as(subject).contains(CompatibilityLevel.BACKWARD));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
