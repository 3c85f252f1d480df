package io.sluice.ingest.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sluice.events.AssetRequest;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes request events to {@link Topics#UPLOAD_REQUESTS} (and asset requests to
 * {@link Topics#ASSET_REQUESTS}), keyed by upload id, and returns only
 * once Kafka has acknowledged them with {@code acks=all} (contract I1: a 2xx promises the event is
 * in Kafka). The producer is idempotent, so its own retries never duplicate a record. One producer
 * serves every request thread; Kafka batches what concurrent requests send.
 */
public final class RequestPublisher implements AutoCloseable {

    /** Kafka's own bound on a send, retries included; a request waits this long at most. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, SpecificRecord> producer;

    public RequestPublisher(Producer<String, SpecificRecord> producer) {
        this.producer = producer;
    }

    public static RequestPublisher create(SluiceConfig config, SchemaRegistry registry) {
        Properties p = KafkaClients.common(config, "ingest-api");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        // Room for two of the largest records at once; a chunk record is copied in here until sent.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * Topics.PRODUCER_MAX_REQUEST_BYTES);
        // A client waits on every send: do not hold records back hoping to batch more.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Chunk bytes are usually compressed media already.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        Serializer<UploadRequest> requests = Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer();
        Serializer<AssetRequest> assetRequests = Topics.ASSET_REQUESTS.valueSerde(registry).serializer();
        // One producer for both topics: each value is serialized by its own topic's serde.
        Serializer<SpecificRecord> values = (topic, value) -> switch (value) {
            case UploadRequest request -> requests.serialize(topic, request);
            case AssetRequest request -> assetRequests.serialize(topic, request);
            default -> throw new IllegalArgumentException("not a request: " + value.getClass());
        };
        return new RequestPublisher(new KafkaProducer<>(p, Topics.UPLOAD_REQUESTS.keySerde(registry).serializer(), values));
    }

    /**
     * Sends an asset request (keyed by the asset's upload id) and waits for its acknowledgement.
     *
     * @throws PublishFailedException if Kafka refused it or did not answer within the delivery timeout
     */
    public void publish(String uploadId, AssetRequest request) throws InterruptedException {
        send(Topics.ASSET_REQUESTS.name(), uploadId, request).await();
    }

    /**
     * Sends the event and waits for its acknowledgement.
     *
     * @throws PublishFailedException if Kafka refused it or did not answer within the delivery timeout
     */
    public void publish(String uploadId, UploadRequest request) throws InterruptedException {
        send(uploadId, request).await();
    }

    /** A sent event whose acknowledgement is still to come. */
    public interface Pending {
        /** @throws PublishFailedException if Kafka refused it or did not answer within the delivery timeout */
        void await() throws InterruptedException;
    }

    /**
     * Hands the event to the producer, which keeps the order of what is handed to it per partition,
     * and returns without waiting for the acknowledgement.
     *
     * @throws PublishFailedException if the producer cannot take it (registry unreachable, buffer full)
     */
    public Pending send(String uploadId, UploadRequest request) {
        return send(Topics.UPLOAD_REQUESTS.name(), uploadId, request);
    }

    private Pending send(String topic, String uploadId, SpecificRecord request) {
        Future<?> ack;
        try {
            ack = producer.send(new ProducerRecord<>(topic, uploadId, request));
        } catch (KafkaException e) { // serialization (registry unreachable), buffer full for max.block.ms
            throw new PublishFailedException("cannot send the request of upload " + uploadId + ": " + e.getMessage(), e);
        }
        return () -> {
            try {
                // The delivery timeout bounds the future; the margin only guards against a producer that hangs.
                ack.get(DELIVERY_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new PublishFailedException("Kafka did not take the request of upload " + uploadId + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishFailedException("no acknowledgement for the request of upload " + uploadId, e);
            }
        };
    }

    /** Serves the producer's own metrics (batching, request latency, errors) on {@code /metrics}. */
    public void bindMetrics(MeterRegistry registry) {
        new KafkaClientMetrics(producer).bindTo(registry);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
