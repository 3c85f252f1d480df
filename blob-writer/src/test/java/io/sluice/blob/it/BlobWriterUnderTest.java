package io.sluice.blob.it;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.sluice.blob.BlobWriterService;
import io.sluice.blob.consume.RetryBackoff;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.Metrics;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A blob writer on the real servers, reaching S3 through a {@link ToggleableTcpProxy}, with the
 * producers and readers a test needs around it. Test classes each start one; they share the topics,
 * the bucket and the consumer groups, so each starts where the previous one stopped, as a restarted
 * service does.
 */
final class BlobWriterUnderTest implements AutoCloseable {

    static final String BUCKET = "sluice-blob-writer-it";

    final BlobWriterService service;
    final ToggleableTcpProxy s3Link;
    final MinioClient s3;
    final MinioAsyncClient s3Async;
    private final KafkaProducer<String, UploadRequest> requests;
    private final KafkaProducer<String, UploadDecision> decisions;
    private final KafkaProducer<String, byte[]> rawRequests;
    private final TopicLog<String, BlobEvent> blobEvents;
    private final TopicLog<byte[], DeadLetter> deadLetters;

    private BlobWriterUnderTest(KafkaServer kafka, SchemaRegistryServer registryServer, S3Server s3Server)
            throws Exception {
        for (TopicSpec<?, ?> topic : List.of(Topics.UPLOAD_REQUESTS, Topics.UPLOAD_DECISIONS, Topics.BLOB_EVENTS,
                Topics.DEAD_LETTERS)) {
            kafka.createTopic(topic.name(), topic.partitions(), topic.config());
        }
        SchemaRegistry registry = SchemaRegistryClient.of(registryServer.url());
        this.s3 = s3Server.client();
        this.s3Async = MinioAsyncClient.builder().endpoint(s3Server.endpoint()).region(s3Server.region())
                .credentials(s3Server.accessKey(), s3Server.secretKey()).build();
        this.s3Link = ToggleableTcpProxy.forward(URI.create(s3Server.endpoint()).getPort());
        SluiceConfig config = SluiceConfig.of(Map.of(
                Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url(),
                Setting.S3_ENDPOINT, "http://127.0.0.1:" + s3Link.port(),
                Setting.S3_REGION, s3Server.region(),
                Setting.S3_ACCESS_KEY, s3Server.accessKey(),
                Setting.S3_SECRET_KEY, s3Server.secretKey(),
                Setting.S3_BUCKET, BUCKET));
        this.service = new BlobWriterService(config, new Metrics("blob-writer"), registry,
                new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        this.requests = new KafkaProducer<>(producerProperties(kafka), new StringSerializer(),
                Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer());
        this.decisions = new KafkaProducer<>(producerProperties(kafka), new StringSerializer(),
                Topics.UPLOAD_DECISIONS.valueSerde(registry).serializer());
        this.rawRequests = new KafkaProducer<>(producerProperties(kafka), new StringSerializer(), new ByteArraySerializer());
        this.blobEvents = new TopicLog<>(kafka.bootstrapServers(), Topics.BLOB_EVENTS.name(),
                Topics.BLOB_EVENTS.partitions(), Topics.BLOB_EVENTS.keySerde(registry).deserializer(),
                Topics.BLOB_EVENTS.valueSerde(registry).deserializer());
        this.deadLetters = new TopicLog<>(kafka.bootstrapServers(), Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.partitions(), Topics.DEAD_LETTERS.keySerde(registry).deserializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).deserializer());
    }

    /** Starts a blob writer and returns once it is ready (bucket created, both groups joined). */
    static BlobWriterUnderTest start(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) throws Exception {
        BlobWriterUnderTest writer = new BlobWriterUnderTest(kafka, registry, s3);
        writer.service.start();
        Await.until(Duration.ofSeconds(30), () -> writer.service.readiness().isReady(), "the blob writer to be ready");
        return writer;
    }

    RecordMetadata send(ChunkReceived chunk) throws Exception {
        return requests.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), chunk.getUploadId(),
                new UploadRequest(chunk))).get();
    }

    RecordMetadata send(UploadOpened opened) throws Exception {
        return requests.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), opened.getUploadId(),
                new UploadRequest(opened))).get();
    }

    /** The ids of the multipart uploads under way at a key. */
    List<String> multipartUploads(String key) throws Exception {
        return s3Async.listMultipartUploadsAsync(BUCKET, null, null, null, null, 1000, key, null, null, null).get()
                .result().uploads().stream().filter(upload -> upload.objectName().equals(key))
                .map(io.minio.messages.Upload::uploadId).toList();
    }

    RecordMetadata sendRaw(String key, byte[] value) throws Exception {
        return rawRequests.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), key, value)).get();
    }

    RecordMetadata decide(String uploadId, Object payload) throws Exception {
        return decisions.send(new ProducerRecord<>(Topics.UPLOAD_DECISIONS.name(), uploadId,
                new UploadDecision(payload))).get();
    }

    List<ChunkStored> awaitChunksStored(String uploadId, int count) {
        return blobEvents.await(record -> record.value().getPayload() instanceof ChunkStored stored
                        && stored.getUploadId().equals(uploadId), count, count + " ChunkStored of " + uploadId)
                .stream().map(record -> (ChunkStored) record.value().getPayload()).toList();
    }

    List<AssetStored> awaitAssetsStored(String uploadId, int count) {
        return blobEvents.await(record -> record.value().getPayload() instanceof AssetStored stored
                        && stored.getUploadId().equals(uploadId), count, count + " AssetStored of " + uploadId)
                .stream().map(record -> (AssetStored) record.value().getPayload()).toList();
    }

    /** The ChunkStored reports of an upload read so far (call after awaiting a later event of the same partition). */
    List<ChunkStored> chunksStoredSoFar(String uploadId) {
        return blobEvents.seen(record -> record.value().getPayload() instanceof ChunkStored stored
                && stored.getUploadId().equals(uploadId)).stream()
                .map(record -> (ChunkStored) record.value().getPayload()).toList();
    }

    /** The blob writer's dead letter for the record at these coordinates. */
    DeadLetter awaitDeadLetter(String topic, int partition, long offset) {
        return deadLetters.await(record -> record.value().getComponent().equals("blob-writer")
                        && record.value().getSourceTopic().equals(topic)
                        && record.value().getSourcePartition() == partition && record.value().getSourceOffset() == offset,
                1, "a dead letter for " + topic + "-" + partition + "@" + offset).getFirst().value();
    }

    boolean exists(String key) throws Exception {
        try {
            s3.statObject(io.minio.StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            return true;
        } catch (io.minio.errors.ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) return false;
            throw e;
        }
    }

    byte[] read(String key) throws Exception {
        try (GetObjectResponse object = s3.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            return object.readAllBytes();
        }
    }

    /** SHA-256 of an object, read as a stream. */
    String sha256Of(String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream object = new DigestInputStream(
                s3.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build()), digest)) {
            object.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    List<String> chunkObjects(String uploadId) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(BUCKET)
                .prefix(ObjectKeys.chunkPrefix(uploadId)).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    void awaitNoChunkObjects(String uploadId) {
        Await.until(Duration.ofSeconds(30), () -> chunkObjects(uploadId).isEmpty(), "the chunk objects of " + uploadId + " to be deleted");
    }

    @Override
    public void close() throws IOException {
        service.close();
        requests.close();
        decisions.close();
        rawRequests.close();
        blobEvents.close();
        deadLetters.close();
        s3Link.close();
    }

    private static Properties producerProperties(KafkaServer kafka) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        return properties;
    }
}
