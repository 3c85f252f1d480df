package io.sluice.schemas.topics;

import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.SchemaRegistration;
import io.sluice.schemas.serde.SubjectNames;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the catalogue: its name, partition count, topic configuration, and the formats of
 * its keys and values. The serdes it hands out are typed, so code that reads or writes the topic
 * cannot get the types wrong.
 */
public final class TopicSpec<K, V> {
    private final String name;
    private final int partitions;
    private final Map<String, String> config;
    private final Format<K> keyFormat;
    private final Format<V> valueFormat;

    TopicSpec(String name, int partitions, Map<String, String> config,
            Format<K> keyFormat, Format<V> valueFormat) {
        this.name = Objects.requireNonNull(name);
        this.partitions = partitions;
        this.config = Map.copyOf(config);
        this.keyFormat = keyFormat;
        this.valueFormat = valueFormat;
    }

    public String name() {
        return name;
    }

    public int partitions() {
        return partitions;
    }

    /** Topic-level configuration to create the topic with (e.g. {@code cleanup.policy}). */
    public Map<String, String> config() {
        return config;
    }

    public Class<K> keyType() {
        return keyFormat.type();
    }

    public Class<V> valueType() {
        return valueFormat.type();
    }

    /** The key serde; keys are plain (not registry-framed) in every Sluice topic. */
    public Serde<K> keySerde(SchemaRegistry registry) {
        return keyFormat.serde(registry, SchemaRegistration.AUTO_REGISTER, true);
    }

    /** The value serde, registering the value schema on first use. */
    public Serde<V> valueSerde(SchemaRegistry registry) {
        return valueSerde(registry, SchemaRegistration.AUTO_REGISTER);
    }

    public Serde<V> valueSerde(SchemaRegistry registry, SchemaRegistration registration) {
        return valueFormat.serde(registry, registration, false);
    }

    /** The Avro schema of the values, when they are Avro. */
    public Optional<Schema> valueSchema() {
        return valueFormat.avroSchema();
    }

    /** The registry subject of the value schema (TopicNameStrategy). */
    public String valueSubject() {
        return SubjectNames.of(name, false);
    }

    /** An admin-client request to create this topic as specified. */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(config);
    }

    @Override
    public String toString() {
        return name + "(" + partitions + " partitions, " + keyType().getSimpleName() + " -> "
                + valueType().getSimpleName() + ")";
    }
}
