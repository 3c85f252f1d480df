package io.sluice.schemas.serde;

import io.sluice.schemas.registry.RegisteredSchema;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a generated Avro record in the Confluent wire format, with the schema id registered under
 * the subject {@code <topic>-value} (or {@code <topic>-key}): Confluent's TopicNameStrategy.
 *
 * <p>Chunk events carry up to 16 MiB of payload, so the record is encoded twice: once into a
 * counter that keeps nothing, then straight into an array of exactly the right size. The payload
 * is copied once, into the array Kafka sends, instead of into a growing buffer and out again.
 *
 * <p>Thread-safe (Kafka Streams shares one serde among its stream threads). The id is looked up
 * once per subject.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    private final SchemaRegistry registry;
    private final Schema schema;
    private final SpecificDatumWriter<T> writer;
    private final SchemaRegistration registration;
    private final boolean isKey;
    private final ConcurrentMap<String, Integer> idsBySubject = new ConcurrentHashMap<>();

    public AvroSerializer(
            SchemaRegistry registry, Class<T> type, SchemaRegistration registration, boolean isKey) {
        SpecificData model = SpecificData.getForClass(type);
        this.registry = registry;
        this.schema = model.getSchema(type);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.registration = registration;
        this.isKey = isKey;
    }

    /** The schema this serializer writes with. */
    public Schema schema() {
        return schema;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null; // a tombstone stays a tombstone
        }
        int schemaId = schemaId(SubjectNames.of(topic, isKey));
        try {
            ByteCountingOutputStream counter = new ByteCountingOutputStream();
            encode(data, counter);
            long size = ConfluentWireFormat.HEADER_BYTES + counter.count();
            if (size > Integer.MAX_VALUE - 8) {
                throw new SerializationException("record of " + size + " bytes is too large for Kafka");
            }
            byte[] out = new byte[(int) size];
            ConfluentWireFormat.writeHeader(out, schemaId);
            FixedArrayOutputStream target = new FixedArrayOutputStream(out, ConfluentWireFormat.HEADER_BYTES);
            encode(data, target);
            if (target.position() != out.length) {
                throw new SerializationException("record changed while being serialized (topic " + topic + ")");
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException(
                    "cannot encode " + schema.getFullName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private void encode(T data, java.io.OutputStream out) throws IOException {
        // The direct encoder does not buffer, so nothing is left behind and no flush is needed.
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(data, encoder);
    }

    private int schemaId(String subject) {
        Integer id = idsBySubject.get(subject);
        if (id != null) {
            return id;
        }
        int found;
        try {
            found = switch (registration) {
                case AUTO_REGISTER -> registry.register(subject, schema);
                case LOOKUP_ONLY -> registry.lookup(subject, schema)
                        .map(RegisteredSchema::id)
                        .orElseThrow(() -> new SerializationException(
                                "schema " + schema.getFullName() + " is not registered under subject " + subject
                                        + " and auto-registration is off"));
            };
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "cannot get a schema id for subject " + subject + ": " + e.getMessage(), e);
        }
        idsBySubject.put(subject, found);
        return found;
    }
}
