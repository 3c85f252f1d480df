package io.sluice.e2e;

import io.sluice.events.ChunkReceived;
import io.sluice.events.FinishRequested;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.SchemaRegistration;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A backend that uploads without the HTTP API, as contract user 2 does: a plain KafkaProducer
 * (idempotent, {@code acks=all}) publishing the request events with the registry serde. With
 * {@link SchemaRegistration#LOOKUP_ONLY} it registers nothing: it finds each schema under its
 * subject, as a producer in another language does, and fails if the schema is not there.
 */
final class DirectProducer implements AutoCloseable {

    private final KafkaProducer<String, UploadRequest> producer;

    DirectProducer(String bootstrapServers, SchemaRegistry registry, SchemaRegistration registration) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        this.producer = new KafkaProducer<>(properties, Topics.UPLOAD_REQUESTS.keySerde(registry).serializer(),
                Topics.UPLOAD_REQUESTS.valueSerde(registry, registration).serializer());
    }

    /** Publishes one request event, whatever it says, and waits for Kafka's acknowledgement. */
    void send(String uploadId, Object event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), uploadId, new UploadRequest(event))).get();
    }

    /** Opens an upload of {@code file} for {@code tenant}, sends every chunk and the finish; returns the upload id. */
    String upload(String tenant, String fileName, byte[] file, int chunkSize) throws Exception {
        String uploadId = UploadIds.newUploadId();
        Instant now = Instant.now();
        int chunks = (file.length + chunkSize - 1) / chunkSize;
        send(uploadId, UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(tenant).setTimestamp(now).setFileName(fileName).setContentType("application/octet-stream")
                .setSize(file.length).setChunkSize(chunkSize).setChunkCount(chunks)
                .setIdleTtlMillis(Duration.ofHours(1).toMillis()).setExpiresAt(now.plus(Duration.ofHours(1))).build());
        for (int i = 0; i < chunks; i++) {
            int offset = i * chunkSize;
            int length = Math.min(chunkSize, file.length - offset);
            send(uploadId, ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(Instant.now()).setIndex(i).setLength(length)
                    .setSha256(SluiceClient.sha256(file, offset, length)).setBytes(ByteBuffer.wrap(file, offset, length))
                    .build());
        }
        send(uploadId, FinishRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(tenant).setTimestamp(Instant.now()).setSize(file.length)
                .setSha256(SluiceClient.sha256(file, 0, file.length)).build());
        return uploadId;
    }

    @Override
    public void close() {
        producer.close();
    }
}
