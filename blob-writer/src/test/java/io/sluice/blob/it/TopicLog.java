package io.sluice.blob.it;

import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Everything on a topic since its beginning, read as a test needs it. */
final class TopicLog<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;
    private final List<ConsumerRecord<K, V>> seen = new ArrayList<>();

    TopicLog(String bootstrapServers, String topic, int partitions, Deserializer<K> keys, Deserializer<V> values) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(properties, keys, values);
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < partitions; p++) all.add(new TopicPartition(topic, p));
        consumer.assign(all);
        consumer.seekToBeginning(all);
    }

    /** Waits until {@code count} records read so far match, and returns them (in the order read). */
    List<ConsumerRecord<K, V>> await(Predicate<ConsumerRecord<K, V>> matching, int count, String what) {
        return await(matching, count, what, Duration.ofSeconds(30));
    }

    List<ConsumerRecord<K, V>> await(Predicate<ConsumerRecord<K, V>> matching, int count, String what, Duration timeout) {
        return Await.until(timeout, () -> {
            consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
            return seen.stream().filter(matching).toList();
        }, found -> found.size() >= count, what);
    }

    /** The records read so far that match (read more first with {@link #await}). */
    List<ConsumerRecord<K, V>> seen(Predicate<ConsumerRecord<K, V>> matching) {
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
