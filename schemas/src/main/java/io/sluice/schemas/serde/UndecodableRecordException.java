package io.sluice.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The bytes of a record can never be decoded, however often we try: a poison record. Dead-letter
 * handlers rely on this type: this exception means "set the record aside", while any other
 * {@link SerializationException} from the deserializer (e.g. the registry is unreachable) means
 * "try again later" and must not dead-letter a good record.
 */
public final class UndecodableRecordException extends SerializationException {
    /** What is wrong with the bytes. */
    public enum Problem {
        /** Fewer than the 5 header bytes. */
        TOO_SHORT,
        /** Byte 0 is not the magic byte 0: not Confluent wire format. */
        WRONG_MAGIC_BYTE,
        /** The registry does not know the schema id. */
        UNKNOWN_SCHEMA_ID,
        /** The writer's schema cannot be read as this topic's type (e.g. another record entirely). */
        INCOMPATIBLE_SCHEMA,
        /** The Avro body is truncated, corrupt, or followed by stray bytes. */
        MALFORMED_PAYLOAD
    }

    private final Problem problem;
    private final int schemaId;

    public UndecodableRecordException(Problem problem, int schemaId, String message) {
        this(problem, schemaId, message, null);
    }

    public UndecodableRecordException(Problem problem, int schemaId, String message, Throwable cause) {
        super(problem + ": " + message, cause);
        this.problem = problem;
        this.schemaId = schemaId;
    }

    public Problem problem() {
        return problem;
    }

    /** The schema id from the header, or -1 when the header itself is bad. */
    public int schemaId() {
        return schemaId;
    }
}
