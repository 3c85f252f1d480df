package io.sluice.schemas.serde;

import io.sluice.schemas.registry.SchemaRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Serializer and deserializer of one generated Avro type in the Confluent wire format. Usable
 * wherever Kafka takes a {@link Serde}: {@code Consumed.with}, {@code Produced.with}, or its
 * halves passed to a {@code KafkaProducer} / {@code KafkaConsumer}.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(
            SchemaRegistry registry, Class<T> type, SchemaRegistration registration, boolean isKey) {
        this.serializer = new AvroSerializer<>(registry, type, registration, isKey);
        this.deserializer = new AvroDeserializer<>(registry, type);
    }

    /** A value serde that registers its schema on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> forValues(
            SchemaRegistry registry, Class<T> type) {
        return new AvroSerde<>(registry, type, SchemaRegistration.AUTO_REGISTER, false);
    }

    @Override
    public AvroSerializer<T> serializer() {
        return serializer;
    }

    @Override
    public AvroDeserializer<T> deserializer() {
        return deserializer;
    }
}
