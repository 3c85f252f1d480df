package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.FinishRequested;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.events.UploadVerified;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.session.domain.Sha256;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.KeysOnPartition;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The poison-pill scenario of issue 4 on the real broker and registry: bad records on one partition
 * of the request topic go to the dead-letter topic, in the processor's transactions, and an upload
 * on the same partition behind them is still decided.
 */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TENANT = "acme";

    private KafkaServer kafka;
    private SchemaRegistry registry;
    private SessionProcessorService service;

    @BeforeAll
    void start(KafkaServer kafka, SchemaRegistryServer registryServer) throws Exception {
        this.kafka = kafka;
        Topics.all().forEach(topic -> kafka.createTopic(topic.name(), topic.partitions(), topic.config()));
        registry = SchemaRegistryClient.of(registryServer.url());
        SluiceConfig config = SluiceConfig.of(Map.of(
                Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url(),
                Setting.STATE_DIR, TestDirectories.newDirectory("session-processor").toString(),
                Setting.AUTH_TOKENS, TENANT + "=sha256:" + "ab".repeat(32)));
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-session-processor-" + UUID.randomUUID());
        service = new SessionProcessorService(config, registry, overrides);
        service.start();
        Await.until(TIMEOUT, () -> service.readiness().isReady(), "the session processor to be ready");
    }

    @AfterAll
    void stop() {
        if (service != null) service.close();
    }

    @Test
    void shouldSetPoisonRecordsAsideAndDecideTheUploadBehindThemOnTheSamePartition() throws Exception {
        String uploadId = UploadIds.newUploadId();
        int partition = partitionOf(uploadId);
        String strangersUpload = uploadIdInPartition(partition);
        byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        byte[] otherSchema = Topics.BLOB_EVENTS.valueSerde(registry).serializer()
                .serialize(Topics.BLOB_EVENTS.name(), assetStored(uploadId));
        byte[] file = "twelve bytes".getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(Sha256.of(file));

        RecordMetadata garbageAt = sendRaw(partition, uploadId, garbage);
        RecordMetadata otherSchemaAt = sendRaw(partition, uploadId, otherSchema);
        RecordMetadata strangerAt = sendRequest(strangersUpload, opened(strangersUpload, "stranger", file.length));
        sendRequest(uploadId, opened(uploadId, TENANT, file.length));
        sendRequest(uploadId, ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setIndex(0).setLength(file.length).setSha256(sha)
                .setBytes(ByteBuffer.wrap(file)).build());
        awaitDecision(uploadId, ChunkAccepted.class::isInstance);
        sendBlobEvent(uploadId, ChunkStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setIndex(0).setLength(file.length).setSha256(sha)
                .setObjectKey(ObjectKeys.chunk(uploadId, 0, sha)).build());
        sendRequest(uploadId, FinishRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setSize(file.length).setSha256(sha).build());

        UploadVerified verified = (UploadVerified) awaitDecision(uploadId, UploadVerified.class::isInstance);
        assertThat(verified.getSha256()).isEqualTo(sha);
        assertThat(garbageAt.partition()).isEqualTo(partition);
        assertThat(strangerAt.partition()).isEqualTo(partition);
        List<ConsumerRecord<byte[], byte[]>> letters = readCommitted(Topics.DEAD_LETTERS.name(),
                records -> records.stream().filter(r -> fromPartition(r, partition)).count() >= 3)
                .stream().filter(r -> fromPartition(r, partition)).toList();
        assertThat(letters).extracting(r -> header(r, DeadLetters.REASON_HEADER))
                .containsExactly("UNDECODABLE", "INCOMPATIBLE_SCHEMA", "UNKNOWN_TENANT");
        assertThat(letters).extracting(r -> header(r, DeadLetters.COMPONENT_HEADER)).containsOnly("session-processor");
        assertThat(letters).extracting(r -> deadLetter(r).getSourceOffset())
                .containsExactly(garbageAt.offset(), otherSchemaAt.offset(), strangerAt.offset());
        DeadLetter garbageLetter = deadLetter(letters.get(0));
        assertThat(garbageLetter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(garbageLetter.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(deadLetter(letters.get(1)).getValue()).isEqualTo(ByteBuffer.wrap(otherSchema));
        assertThat(letters.get(2).key()).isEqualTo(strangersUpload.getBytes(StandardCharsets.UTF_8));
        assertThat(decisionsOf(strangersUpload)).isEmpty();
        assertThat(service.readiness().isReady()).isTrue();
    }

    private RecordMetadata sendRaw(int partition, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), partition, key, value))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private RecordMetadata sendRequest(String uploadId, Object payload) throws Exception {
        try (KafkaProducer<String, UploadRequest> producer = new KafkaProducer<>(producerProperties(),
                new StringSerializer(), Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer())) {
            return producer.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), uploadId,
                    new UploadRequest(payload))).get(30, TimeUnit.SECONDS);
        }
    }

    private void sendBlobEvent(String uploadId, Object payload) throws Exception {
        try (KafkaProducer<String, BlobEvent> producer = new KafkaProducer<>(producerProperties(),
                new StringSerializer(), Topics.BLOB_EVENTS.valueSerde(registry).serializer())) {
            producer.send(new ProducerRecord<>(Topics.BLOB_EVENTS.name(), uploadId, new BlobEvent(payload)))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private Map<String, Object> producerProperties() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** The payload of the first committed decision on {@code uploadId} that matches. */
    private Object awaitDecision(String uploadId, Predicate<Object> wanted) {
        List<ConsumerRecord<byte[], byte[]>> records = readCommitted(Topics.UPLOAD_DECISIONS.name(),
                read -> read.stream().anyMatch(r -> isFor(r, uploadId) && wanted.test(decision(r).getPayload())));
        return records.stream().filter(r -> isFor(r, uploadId)).map(r -> decision(r).getPayload())
                .filter(wanted).findFirst().orElseThrow();
    }

    private List<Object> decisionsOf(String uploadId) {
        return readCommittedToEnd(Topics.UPLOAD_DECISIONS.name()).stream().filter(r -> isFor(r, uploadId))
                .map(r -> decision(r).getPayload()).toList();
    }

    /** Committed records of {@code topic} from the start, read until {@code enough} holds of them. */
    private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> enough) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = committedReaderFromStart(topic)) {
            Await.until(TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return enough.test(records);
            }, "records of " + topic);
        }
        return records;
    }

    /** Committed records of {@code topic} from the start up to its current end. */
    private List<ConsumerRecord<byte[], byte[]>> readCommittedToEnd(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = committedReaderFromStart(topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            Await.until(TIMEOUT, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            }, "the end of " + topic);
        }
        return records;
    }

    private KafkaConsumer<byte[], byte[]> committedReaderFromStart(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private UploadDecision decision(ConsumerRecord<byte[], byte[]> record) {
        return Topics.UPLOAD_DECISIONS.valueSerde(registry).deserializer().deserialize(record.topic(), record.value());
    }

    private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record) {
        return Topics.DEAD_LETTERS.valueSerde(registry).deserializer().deserialize(record.topic(), record.value());
    }

    private boolean fromPartition(ConsumerRecord<byte[], byte[]> letter, int partition) {
        DeadLetter decoded = deadLetter(letter);
        return decoded.getSourceTopic().equals(Topics.UPLOAD_REQUESTS.name()) && decoded.getSourcePartition() == partition;
    }

    private static boolean isFor(ConsumerRecord<byte[], byte[]> record, String uploadId) {
        return uploadId.equals(new String(record.key(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The smallest chunk size the default limits allow: a small file is one chunk of its own size. */
    private static final int MIN_CHUNK_SIZE = 64 * 1024;

    private static UploadOpened opened(String uploadId, String tenant, int size) {
        Instant now = Instant.now();
        return UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(tenant).setTimestamp(now).setFileName("note.txt").setContentType("text/plain")
                .setSize(size).setChunkSize(MIN_CHUNK_SIZE).setChunkCount(1).setMetadata(Map.of())
                .setIdleTtlMillis(Duration.ofHours(1).toMillis()).setExpiresAt(now.plus(Duration.ofHours(1))).build();
    }

    private static BlobEvent assetStored(String uploadId) {
        String assetId = UploadIds.assetIdFor(uploadId);
        return new BlobEvent(AssetStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setAssetId(assetId)
                .setObjectKey(ObjectKeys.asset(TENANT, assetId)).setSize(1).setSha256("ab".repeat(32))
                .setFileName("a.bin").setContentType("application/octet-stream").setMetadata(Map.of()).build());
    }

    /** An upload id whose records the default partitioner puts in {@code partition}. */
    private static String uploadIdInPartition(int partition) {
        return KeysOnPartition.keyOn(partition, Topics.UPLOAD_PARTITIONS, UploadIds::newUploadId);
    }

    private static int partitionOf(String key) {
        return KeysOnPartition.partitionOf(key, Topics.UPLOAD_PARTITIONS);
    }
}
