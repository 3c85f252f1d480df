package io.sluice.projections;

import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.testkit.KafkaServer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to a topic as the exactly-once services do: each record in its own transaction, committed
 * or aborted. Raw bytes can be written too (a poison record).
 */
final class TransactionalWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final SchemaRegistry registry;

    TransactionalWriter(KafkaServer kafka, SchemaRegistry registry) {
        this.registry = registry;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "projections-test-" + UUID.randomUUID(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    /** Writes {@code value} (null: a tombstone) under {@code key} and commits. */
    <V> void commit(TopicSpec<String, V> topic, String key, V value) {
        commitRaw(topic.name(), key, encode(topic, value));
    }

    /** Writes {@code value} under {@code key}, then aborts the transaction. */
    <V> void abort(TopicSpec<String, V> topic, String key, V value) throws Exception {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic.name(), key, encode(topic, value))).get(30, TimeUnit.SECONDS);
        producer.abortTransaction();
    }

    void commitRaw(String topic, String key, byte[] value) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, key, value));
        producer.commitTransaction();
    }

    private <V> byte[] encode(TopicSpec<String, V> topic, V value) {
        return value == null ? null : topic.valueSerde(registry).serializer().serialize(topic.name(), value);
    }

    @Override
    public void close() {
        producer.close();
    }
}
