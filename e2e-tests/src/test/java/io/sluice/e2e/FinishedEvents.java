package io.sluice.e2e;

import io.sluice.events.UploadFinished;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every {@code UploadFinished} of one upload, as a {@code read_committed} consumer sees them: its
 * partition of {@code sluice.uploads-finished} read from the beginning to the end, and on for a
 * settling time, so that a duplicate written late (by a restarted projector, say) would be seen.
 */
final class FinishedEvents {

    private final String bootstrapServers;
    private final SchemaRegistry registry;

    FinishedEvents(String bootstrapServers, SchemaRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /**
     * The upload's events: read for at least {@code settle}, then up to the last stable offset of
     * that moment (the end a {@code read_committed} consumer can reach).
     */
    List<UploadFinished> of(String uploadId, Duration settle) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-finished-events-" + UUID.randomUUID());
        TopicPartition partition = new TopicPartition(Topics.UPLOADS_FINISHED.name(), EventLog.partitionOf(uploadId));
        List<UploadFinished> found = new ArrayList<>();
        try (KafkaConsumer<String, UploadFinished> consumer = new KafkaConsumer<>(properties,
                Topics.UPLOADS_FINISHED.keySerde(registry).deserializer(),
                Topics.UPLOADS_FINISHED.valueSerde(registry).deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long settled = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < settled) collect(consumer, uploadId, found);
            Map<TopicPartition, Long> end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end.get(partition)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("did not reach offset " + end.get(partition) + " of " + partition
                            + " within 30 s; at " + consumer.position(partition));
                }
                collect(consumer, uploadId, found);
            }
        }
        return found;
    }

    private static void collect(KafkaConsumer<String, UploadFinished> consumer, String uploadId, List<UploadFinished> found) {
        for (ConsumerRecord<String, UploadFinished> record : consumer.poll(Duration.ofMillis(200))) {
            if (uploadId.equals(record.key())) found.add(record.value());
        }
    }
}
