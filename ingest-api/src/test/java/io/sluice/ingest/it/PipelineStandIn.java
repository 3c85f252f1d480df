package io.sluice.ingest.it;

import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.events.ChunkProgress;
import io.sluice.events.UploadRequest;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Stands in for the rest of the pipeline: reads the request events the API published, and writes
 * the statuses and index entries the session processor and the index projector would write.
 */
final class PipelineStandIn implements AutoCloseable {

    private final String bootstrapServers;
    private final SchemaRegistry registry;
    private final KafkaProducer<String, UploadStatus> statuses;
    private final KafkaProducer<String, AssetIndexEntry> index;
    private final KafkaProducer<String, ChunkProgress> chunks;

    PipelineStandIn(String bootstrapServers, SchemaRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0);
        this.statuses = new KafkaProducer<>(config,
                Topics.UPLOAD_STATUS.keySerde(registry).serializer(),
                Topics.UPLOAD_STATUS.valueSerde(registry).serializer());
        this.index = new KafkaProducer<>(config,
                Topics.ASSET_INDEX.keySerde(registry).serializer(),
                Topics.ASSET_INDEX.valueSerde(registry).serializer());
        this.chunks = new KafkaProducer<>(config,
                Topics.UPLOAD_CHUNKS.keySerde(registry).serializer(),
                Topics.UPLOAD_CHUNKS.valueSerde(registry).serializer());
    }

    /**
     * Writes the chunk progress of {@code received} chunks (those also in {@code stored} as stored),
     * then the status with those counts, as the session processor would.
     */
    void publish(UploadStatus.Builder status, List<Integer> received, List<Integer> stored) throws Exception {
        UploadStatus built = status.setReceivedCount(received.size()).setStoredCount(stored.size()).build();
        for (int index : received) {
            chunks.send(new ProducerRecord<>(Topics.UPLOAD_CHUNKS.name(),
                    ChunkKeys.key(built.getUploadId(), index), ChunkProgress.newBuilder()
                            .setUploadId(built.getUploadId()).setTenant(built.getTenant()).setIndex(index)
                            .setSha256("ab".repeat(32)).setStored(stored.contains(index)).setUpdatedAt(built.getUpdatedAt())
                            .build())).get(10, TimeUnit.SECONDS);
        }
        publish(built);
    }

    /** Writes a status as the session processor would. */
    void publish(UploadStatus status) throws Exception {
        statuses.send(new ProducerRecord<>(Topics.UPLOAD_STATUS.name(), status.getUploadId(), status))
                .get(10, TimeUnit.SECONDS);
    }

    /** Writes an index entry as the index projector would. */
    void publish(AssetIndexEntry entry) throws Exception {
        index.send(new ProducerRecord<>(Topics.ASSET_INDEX.name(), entry.getAssetId(), entry))
                .get(10, TimeUnit.SECONDS);
    }

    /** Every request event of one upload with a payload of {@code type}, in log order, read from the start. */
    <T> List<T> requests(String uploadId, Class<T> type) {
        return read(Topics.UPLOAD_REQUESTS, uploadId).stream().map(UploadRequest::getPayload)
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** Every deletion the API asked of the asset of {@code uploadId}, in log order. */
    List<AssetDeleteRequested> assetDeletions(String uploadId) {
        return read(Topics.ASSET_REQUESTS, uploadId).stream().map(AssetRequest::getPayload)
                .filter(AssetDeleteRequested.class::isInstance).map(AssetDeleteRequested.class::cast).toList();
    }

    /** The values of one key on a topic, in log order, read from the start to the end it has now. */
    private <V> List<V> read(TopicSpec<String, V> topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<V> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) found.add(record.value());
                }
            }
        }
        return found;
    }

    /** Waits until at least {@code count} such requests are in the log; returns them all. */
    <T> List<T> awaitRequests(String uploadId, Class<T> type, int count) {
        return Await.until(Duration.ofSeconds(20), () -> requests(uploadId, type), list -> list.size() >= count,
                count + " " + type.getSimpleName() + " of " + uploadId + " on the request topic");
    }

    @Override
    public void close() {
        chunks.close();
        statuses.close();
        index.close();
    }
}
