package io.sluice.session.topology;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.deadletters.OriginalRecord;
import io.sluice.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets aside a request that decoded fine but must not be processed (it names an unknown tenant):
 * forwards its {@code DeadLetter} to {@link SessionProcessorTopology#DEAD_LETTERS_SINK}, so it is
 * written in the same transaction as the input offset, like the records the deserialization
 * handler sets aside.
 *
 * <p>Streams hands the processor the decoded request, not its bytes, so the envelope's value is the
 * request encoded again with the request topic's serializer: the same event, in the bytes of the
 * topic's current schema (byte for byte the original when the producer wrote that schema, as the
 * ingest API and producers using the catalogue's serdes do). The key is the upload id's UTF-8 bytes,
 * which is what every producer of the topic writes.
 */
final class RequestDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadLetters.class);

    private final Serializer<UploadRequest> requests;

    RequestDeadLetters(Serializer<UploadRequest> requests) {
        this.requests = requests;
    }

    void setAside(ProcessorContext<String, Object> context, Record<String, Object> record, UploadRequest request,
            DeadLetterReason reason, String detail) {
        RecordMetadata source = context.recordMetadata().orElseThrow(() -> new IllegalStateException(
                "a request is set aside only while it is being processed"));
        log.warn("Setting aside {}-{}@{} on {}: {}: {}", source.topic(), source.partition(), source.offset(),
                Topics.DEAD_LETTERS.name(), reason, detail);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        OriginalRecord original = new OriginalRecord(source.topic(), source.partition(), source.offset(),
                record.timestamp(), key, requests.serialize(source.topic(), request), record.headers());
        DeadLetter envelope = DeadLetters.envelope(original, reason, detail, SessionProcessorTopology.COMPONENT,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(new Record<>(record.key(), (Object) envelope, record.timestamp(),
                DeadLetters.recordHeaders(reason, SessionProcessorTopology.COMPONENT)),
                SessionProcessorTopology.DEAD_LETTERS_SINK);
    }
}
