package io.sluice.e2e;

import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Reads Sluice's topics from the beginning as an outside consumer does: {@code read_committed}, with
 * the topics' own serdes. Tests use it to see the events behind an HTTP answer (a decision, an
 * expiry request, a dead letter).
 */
final class EventLog {

    private final String bootstrapServers;
    private final SchemaRegistry registry;

    EventLog(String bootstrapServers, SchemaRegistry registry) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    /** The partition the default partitioner gives {@code key} on an upload-keyed topic. */
    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.UPLOAD_PARTITIONS;
    }

    /**
     * The values of {@code key}'s records, in log order, once {@code enough} accepts them.
     *
     * @throws AssertionError naming what was read, if {@code enough} never accepts them within the time
     */
    <V> List<V> await(TopicSpec<String, V> topic, String key, Predicate<List<V>> enough, Duration within) {
        List<ConsumerRecord<String, V>> records = awaitRecords(topic, partitionOf(key),
                found -> enough.test(valuesFor(found, key)), within);
        return valuesFor(records, key);
    }

    /**
     * The records of one partition, from its first offset, once {@code enough} accepts them.
     *
     * @throws AssertionError naming what was read, if {@code enough} never accepts them within the time
     */
    <K, V> List<ConsumerRecord<K, V>> awaitRecords(TopicSpec<K, V> topic, int partition,
            Predicate<List<ConsumerRecord<K, V>>> enough, Duration within) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-event-log-" + UUID.randomUUID());
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        List<ConsumerRecord<K, V>> found = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(properties,
                topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer())) {
            TopicPartition assigned = new TopicPartition(topic.name(), partition);
            consumer.assign(List.of(assigned));
            consumer.seekToBeginning(List.of(assigned));
            long deadline = System.nanoTime() + within.toNanos();
            while (!enough.test(found)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Within " + within.toMillis() + " ms, " + topic.name() + "-" + partition
                            + " did not hold the records awaited; read: " + found.stream().map(EventLog::describe).toList());
                }
                consumer.poll(Duration.ofMillis(100)).forEach(found::add);
            }
        }
        return found;
    }

    /** A record for an error message: values can hold a whole chunk, so only their start. */
    private static String describe(ConsumerRecord<?, ?> record) {
        String value = String.valueOf(record.value());
        return record.offset() + ": " + (value.length() > 300 ? value.substring(0, 300) + "…" : value);
    }

    private static <V> List<V> valuesFor(List<ConsumerRecord<String, V>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).map(ConsumerRecord::value).toList();
    }
}
