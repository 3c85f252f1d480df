package io.sluice.schemas.topics;

import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.AvroSerde;
import io.sluice.schemas.serde.SchemaRegistration;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** How a topic's keys or values are encoded, and the serde that does it. */
public sealed interface Format<T> {
    Class<T> type();

    /** The Avro schema registered for this part of the topic, if it is Avro. */
    Optional<Schema> avroSchema();

    /** A serde for this format; plain formats ignore the registry. */
    Serde<T> serde(SchemaRegistry registry, SchemaRegistration registration, boolean isKey);

    /** UTF-8 text, the same bytes Kafka's StringSerializer writes (so any client partitions alike). */
    static Format<String> string() {
        return new Plain<>(String.class, Serdes.String());
    }

    /** Raw bytes, passed through untouched. */
    static Format<byte[]> bytes() {
        return new Plain<>(byte[].class, Serdes.ByteArray());
    }

    /** A generated Avro record in the Confluent wire format. */
    static <T extends SpecificRecord> Format<T> avro(Class<T> type) {
        return new Avro<>(type);
    }

    /** A format that needs no registry. */
    record Plain<T>(Class<T> type, Serde<T> shared) implements Format<T> {
        @Override
        public Optional<Schema> avroSchema() {
            return Optional.empty();
        }

        @Override
        public Serde<T> serde(SchemaRegistry registry, SchemaRegistration registration, boolean isKey) {
            return shared; // Kafka's string and byte-array serdes are stateless
        }
    }

    /** Avro through the schema registry. */
    record Avro<T extends SpecificRecord>(Class<T> type) implements Format<T> {
        @Override
        public Optional<Schema> avroSchema() {
            return Optional.of(SpecificData.getForClass(type).getSchema(type));
        }

        @Override
        public Serde<T> serde(SchemaRegistry registry, SchemaRegistration registration, boolean isKey) {
            return new AvroSerde<>(registry, type, registration, isKey);
        }
    }
}
