package io.sluice.schemas.deadletters;

import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streams apps' answer to a record whose processing threw (contract I4: "a bad upload or a poison
 * event never stalls or corrupts another"): the record's original bytes go to
 * {@link Topics#DEAD_LETTERS} with reason {@code PROCESSING_FAILED} and the exception in the
 * detail, inside the task's transaction (as {@link DeadLetterDeserializationHandler} does), and
 * processing goes on with the next record.
 *
 * <p>Infrastructure failures stop the thread instead (FAIL): a {@link KafkaException} (Streams' own,
 * a state store's, a producer's) says this moment is bad, not the record, and setting the record
 * aside would drop a request a client was told is durable (contract I1). So does a failure in a
 * punctuator, which has no record to set aside. Configured by the same properties as the
 * deserialization handler ({@link DeadLetterDeserializationHandler#streamsProperties}).
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterEncoding encoding;

    @Override
    public void configure(Map<String, ?> configs) {
        this.encoding = DeadLetterEncoding.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (isInfrastructure(exception) || record == null || context.topic() == null) {
            log.error("Processing failed in {} (task {}) and the cause is not the record: stopping",
                    context.processorNodeId(), context.taskId(), exception);
            return Response.fail();
        }
        String detail = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        log.error("Setting aside {}-{}@{} on {}: processing failed in {}: {}", context.topic(), context.partition(),
                context.offset(), Topics.DEAD_LETTERS.name(), context.processorNodeId(), detail, exception);
        OriginalRecord original = new OriginalRecord(context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers());
        return Response.resume(List.of(encoding.deadLetter(original, DeadLetterReason.PROCESSING_FAILED, detail)));
    }

    private static boolean isInfrastructure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KafkaException) return true;
        }
        return false;
    }
}
