package io.sluice.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkStored;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.UploadFinished;
import io.sluice.index.dashboards.ActivityListener;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The index projector as it runs, on the real broker and registry. */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexProjectorServiceIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant STORED_AT = Instant.parse("2026-11-21T10:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaServer kafka;
    private SchemaRegistry registry;
    private IndexProjectorService service;
    private HttpEndpoints endpoints;

    @BeforeAll
    void start(KafkaServer kafka, SchemaRegistryServer registryServer) throws Exception {
        this.kafka = kafka;
        Topics.all().forEach(topic -> kafka.createTopic(topic.name(), topic.partitions(), topic.config()));
        SluiceConfig config = SluiceConfig.of(Map.of(
                Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url(),
                Setting.STATE_DIR, TestDirectories.newDirectory("index-projector").toString()));
        registry = SchemaRegistryClient.of(registryServer.url());
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-index-projector-" + UUID.randomUUID());
        service = new IndexProjectorService(config, registry, overrides, ActivityListener.NONE);
        Metrics metrics = new Metrics("index-projector");
        endpoints = HttpEndpoints.bind("127.0.0.1", 0, service::readiness, metrics);
        endpoints.start();
        service.start();
        Await.until(Duration.ofSeconds(60), () -> service.readiness().isReady(), "the index projector to be ready");
    }

    @AfterAll
    void stop() {
        endpoints.close();
        service.close();
    }

    @Test
    void shouldIndexARedeliveredAssetOnceAndAnnounceItsUploadFinishedOnce() throws Exception {
        AssetStored stored = assetStored(UploadIds.newUploadId(), "t-once", null);
        // in the same partition, after everything else: once its finish is visible, so is theirs
        AssetStored sentinel = assetStored(uploadIdInPartitionOf(stored.getUploadId()), "t-once", null);

        produce(List.of(stored, chunkStored(stored.getUploadId()), stored, sentinel));

        List<ConsumerRecord<String, byte[]>> committed = readCommittedUntilFinished(sentinel.getUploadId());
        List<UploadFinished> finished = decode(committed, Topics.UPLOADS_FINISHED).stream()
                .filter(event -> event.getUploadId().equals(stored.getUploadId())).toList();
        assertThat(finished).hasSize(1);
        assertThat(finished.getFirst().getCausationId()).isEqualTo(stored.getEventId());
        List<AssetIndexEntry> entries = decode(committed, Topics.ASSET_INDEX).stream()
                .filter(entry -> entry.getAssetId().equals(stored.getAssetId())).toList();
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().getCreatedAt()).isEqualTo(stored.getTimestamp());
    }

    @Test
    void shouldServeNoIndexDataOnItsPortOnlyHealthAndMetrics() throws Exception {
        String tenant = "t-http";
        AssetStored original = assetStored(UploadIds.newUploadId(), tenant, null);
        AssetStored thumbnail = assetStored(uploadIdInPartitionOf(original.getUploadId()), tenant,
                new DerivativeLink(original.getAssetId(), DerivativeRole.THUMBNAIL));
        produce(List.of(original, thumbnail));
        List<AssetIndexEntry> indexed = decode(readCommittedUntilFinished(thumbnail.getUploadId()), Topics.ASSET_INDEX);
        assertThat(indexed).extracting(AssetIndexEntry::getAssetId)
                .contains(original.getAssetId(), thumbnail.getAssetId());

        for (String path : List.of("/v1/assets/" + original.getAssetId(), "/v1/assets?tenant=" + tenant + "&limit=10",
                "/v1/assets/" + original.getAssetId() + "?tenant=" + tenant, "/v1/assets", "/admin/stores",
                "/v1/uploads/" + original.getUploadId(), "/")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(json.readTree(answer.body()).get("code").asText()).as(path).isEqualTo("not_found");
            assertThat(answer.body()).as(path).doesNotContain(original.getAssetId()).doesNotContain(tenant);
        }
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(get("/metrics").body()).contains("sluice_");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + path)).GET()
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AssetStored assetStored(String uploadId, String tenant, DerivativeLink derivativeOf) {
        String assetId = UploadIds.assetIdFor(uploadId);
        return AssetStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(tenant).setTimestamp(STORED_AT).setAssetId(assetId)
                .setObjectKey(ObjectKeys.asset(tenant, assetId)).setSize(4096).setSha256("c3".repeat(32))
                .setFileName("photo.jpg").setContentType("image/jpeg").setDerivativeOf(derivativeOf)
                .setMetadata(Map.of()).build();
    }

    private static ChunkStored chunkStored(String uploadId) {
        String sha = "0b".repeat(32);
        return ChunkStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant("t-once").setTimestamp(STORED_AT).setIndex(0).setLength(4096).setSha256(sha)
                .setObjectKey(ObjectKeys.chunk(uploadId, 0, sha)).build();
    }

    /** Another upload id whose records land in the same partition as {@code uploadId}'s. */
    private static String uploadIdInPartitionOf(String uploadId) {
        int partition = partitionOf(uploadId);
        while (true) {
            String candidate = UploadIds.newUploadId();
            if (partitionOf(candidate) == partition) return candidate;
        }
    }

    /** The default partitioner's choice for a string key (murmur2 of its UTF-8 bytes). */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.UPLOAD_PARTITIONS;
    }

    private void produce(List<Object> payloads) throws Exception {
        try (KafkaProducer<String, BlobEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                Topics.BLOB_EVENTS.valueSerde(registry).serializer())) {
            for (Object payload : payloads) {
                String key = payload instanceof AssetStored stored ? stored.getUploadId() : ((ChunkStored) payload).getUploadId();
                producer.send(new ProducerRecord<>(Topics.BLOB_EVENTS.name(), key, new BlobEvent(payload)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Committed records of the finished and index topics, read from the start until {@code uploadId} finished. */
    private List<ConsumerRecord<String, byte[]>> readCommittedUntilFinished(String uploadId) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.UPLOADS_FINISHED.name(), Topics.ASSET_INDEX.name())) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Await.until(TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.stream().anyMatch(record ->
                        record.topic().equals(Topics.UPLOADS_FINISHED.name()) && record.key().equals(uploadId));
            }, "UploadFinished of " + uploadId);
            // the entry was committed with the finish: read on until the index topic's end too
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Await.until(TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            }, "the end of " + partitions);
        }
        return records;
    }

    private <V> List<V> decode(List<ConsumerRecord<String, byte[]>> records, TopicSpec<String, V> topic) {
        Deserializer<V> deserializer = topic.valueSerde(registry).deserializer();
        return records.stream().filter(record -> record.topic().equals(topic.name()))
                .map(record -> deserializer.deserialize(topic.name(), record.value())).toList();
    }
}
