package io.sluice.schemas.deadletters;

import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streams apps' answer to a record they cannot decode: a poison record
 * ({@link UndecodableRecordException}) goes to {@link Topics#DEAD_LETTERS} as a {@code DeadLetter}
 * with its original bytes, and processing goes on with the next record. Streams produces the dead
 * letter itself (KIP-1034), through the task's producer, so under exactly_once_v2 it commits in the
 * same transaction as the input offset that skips the record: a crash never loses the dead letter
 * nor skips the record without one.
 *
 * <p>Every other failure stops the stream thread instead (FAIL): the deserializer throws a plain
 * {@code SerializationException} when the schema registry cannot be reached, and then the record is
 * fine and only this moment is bad. Setting it aside would drop a request a client was told is
 * durable (contract I1); failing leaves its offset uncommitted, so it is read again after a restart.
 *
 * <p>Configured through the Streams properties ({@link #streamsProperties}): {@value #REGISTRY_CONFIG}
 * (a {@link SchemaRegistry}, or the registry's base URL) to encode the envelope, and
 * {@value #COMPONENT_CONFIG}, the name recorded as the component that set the record aside.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    /** A {@link SchemaRegistry} instance, or the base URL of a Confluent-compatible registry API. */
    public static final String REGISTRY_CONFIG = "sluice.dead-letters.schema-registry";
    /** The component name written into every dead letter, e.g. {@code session-processor}. */
    public static final String COMPONENT_CONFIG = "sluice.dead-letters.component";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterEncoding encoding;

    /**
     * The Streams properties that install this handler and {@link DeadLetterProcessingHandler} for
     * {@code component}.
     */
    public static Map<String, Object> streamsProperties(SchemaRegistry registry, String component) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class,
                REGISTRY_CONFIG, registry,
                COMPONENT_CONFIG, component);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        this.encoding = DeadLetterEncoding.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        UndecodableRecordException poison = undecodable(exception);
        if (poison == null) {
            log.error("Cannot decode {}-{}@{} and it is not a poison record (the schema registry may be "
                    + "unreachable): stopping rather than setting a good record aside", record.topic(),
                    record.partition(), record.offset(), exception);
            return Response.fail();
        }
        DeadLetterReason reason = DeadLetters.reasonFor(poison);
        log.error("Setting aside {}-{}@{} on {}: {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.DEAD_LETTERS.name(), reason, poison.getMessage());
        // A registry failure here throws out of the handler: Streams then stops the thread and the
        // record is read again later, which is what this handler does for an unreachable registry anyway.
        return Response.resume(List.of(encoding.deadLetter(OriginalRecord.of(record), reason, poison.getMessage())));
    }

    /** The poison-record exception in the chain, if the failure is one. */
    private static UndecodableRecordException undecodable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UndecodableRecordException poison) return poison;
        }
        return null;
    }
}
