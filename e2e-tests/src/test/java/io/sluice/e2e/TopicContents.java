package io.sluice.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Raw records of a topic as a read_committed consumer sees them, from the beginning to the end. */
final class TopicContents {

    /** One record's key and value bytes, in hex (null for a null value). */
    record Raw(String key, String value) {}

    private static final HexFormat HEX = HexFormat.of();

    private final String bootstrap;

    TopicContents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<Raw> all(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 20 * 1024 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 20 * 1024 * 1024);
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) partitions.add(new TopicPartition(topic, info.partition()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Raw> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("could not read " + topic + " to its end");
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Raw(r.key() == null ? null : HEX.formatHex(r.key()),
                            r.value() == null ? null : HEX.formatHex(r.value())));
                }
            }
            return records;
        }
    }

    /** The latest value of every key: what a compacted topic (or a changelog) says now. */
    Map<String, String> latest(String topic) {
        Map<String, String> latest = new TreeMap<>();
        for (Raw r : all(topic)) latest.put(r.key(), r.value());
        return latest;
    }

    /** Topic ids: a topic deleted and created again has a new one. */
    Map<String, String> topicIds(List<String> topics) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<String, String> ids = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get()
                    .forEach((name, description) -> ids.put(name, description.topicId().toString()));
            return ids;
        }
    }
}
