package io.sluice.schemas.serde;

import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryException;
import io.sluice.schemas.serde.UndecodableRecordException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a generated Avro record: fetches the writer's schema by the
 * id in the header (cached) and resolves it against this type's schema, so records written with an
 * older compatible schema read fine.
 *
 * <p>Bytes that can never be decoded raise {@link UndecodableRecordException} (a poison record);
 * a registry that cannot be reached raises a plain {@link SerializationException} (try again).
 *
 * <p>Decodes in place from the array Kafka hands over (the consumer's buffer, when the consumer
 * calls the {@link ByteBuffer} variant), and a {@code bytes} field — a chunk payload — is a view of
 * that array, not a copy ({@link SlicingDecoder}). Thread-safe.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final SchemaRegistry registry;
    private final Schema readerSchema;
    private final SpecificData model;
    private final ConcurrentMap<Integer, ReaderForWriter<T>> readersById = new ConcurrentHashMap<>();

    public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
        EventClassTrust.trustEventClasses();
        this.registry = registry;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
    }

    /** The schema records are read into. */
    public Schema schema() {
        return readerSchema;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : decode(topic, data, 0, data.length);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return decode(topic, data.array(), data.arrayOffset() + data.position(), data.remaining());
        }
        byte[] copy = new byte[data.remaining()];
        data.duplicate().get(copy);
        return decode(topic, copy, 0, copy.length);
    }

    private T decode(String topic, byte[] data, int offset, int length) {
        int schemaId = ConfluentWireFormat.readSchemaId(data, offset, length);
        ReaderForWriter<T> reading = readerFor(schemaId);
        if (reading.incompatibility() != null) {
            throw new UndecodableRecordException(Problem.INCOMPATIBLE_SCHEMA, schemaId,
                    "topic " + topic + ": writer schema " + schemaId + " cannot be read as "
                            + readerSchema.getFullName() + ": " + reading.incompatibility());
        }
        int bodyOffset = offset + ConfluentWireFormat.HEADER_BYTES;
        int bodyLength = length - ConfluentWireFormat.HEADER_BYTES;
        SlicingDecoder decoder = new SlicingDecoder(data, bodyOffset, bodyLength);
        T value;
        try {
            value = reading.reader().read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException
                | NegativeArraySizeException | IllegalArgumentException
                | UnsupportedOperationException e) {
            // What corrupt bytes make Avro throw (UnsupportedOperationException: a length beyond Avro's
            // limits). Anything else (e.g. a SecurityException from an untrusted class) is a fault of
            // this process, not of the record, and must not dead-letter it.
            throw new UndecodableRecordException(Problem.MALFORMED_PAYLOAD, schemaId,
                    "topic " + topic + ": Avro body of " + bodyLength + " bytes does not decode as schema "
                            + schemaId + ": " + e, e);
        }
        if (!decoder.isEnd()) {
            throw new UndecodableRecordException(Problem.MALFORMED_PAYLOAD, schemaId,
                    "topic " + topic + ": stray bytes after the Avro body (schema " + schemaId + ")");
        }
        return value;
    }

    private ReaderForWriter<T> readerFor(int schemaId) {
        ReaderForWriter<T> cached = readersById.get(schemaId);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new UndecodableRecordException(Problem.UNKNOWN_SCHEMA_ID, schemaId,
                        "the schema registry does not know schema id " + schemaId, e);
            }
            throw new SerializationException(
                    "cannot fetch schema " + schemaId + " from the registry: " + e.getMessage(), e);
        }
        SchemaCompatibility.SchemaPairCompatibility check =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writerSchema);
        ReaderForWriter<T> reading = check.getType() == SchemaCompatibilityType.COMPATIBLE
                ? new ReaderForWriter<>(new SpecificDatumReader<>(writerSchema, readerSchema, model), null)
                : new ReaderForWriter<>(null, check.getDescription());
        readersById.putIfAbsent(schemaId, reading);
        return reading;
    }

    /** Either a reader that resolves this writer schema, or why there can be none. */
    private record ReaderForWriter<T>(SpecificDatumReader<T> reader, String incompatibility) {}
}
