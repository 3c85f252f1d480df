package io.sluice.schemas.deadletters;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
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
 * Sets aside, from inside a Streams processor, an input record that decoded fine but must not be
 * processed (a request naming an unknown tenant, a deletion of an asset its tenant does not have):
 * forwards its {@code DeadLetter} to the app's dead-letter sink, so it is written in the same
 * transaction as the input offset, like the records the deserialization handler sets aside.
 *
 * <p>Streams hands the processor the decoded value, not its bytes, so the envelope's value is the
 * value encoded again with the input topic's serializer: the same event, in the bytes of the topic's
 * current schema (byte for byte the original when the producer wrote that schema, as the ingest API
 * and producers using the catalogue's serdes do). The key is the record key's UTF-8 bytes, which is
 * what every producer of Sluice's string-keyed topics writes.
 *
 * @param <V> the input topic's value type
 */
public final class ProcessorDeadLetters<V> {

    private static final Logger log = LoggerFactory.getLogger(ProcessorDeadLetters.class);

    private final Serializer<V> values;
    private final String component;
    private final String sinkName;

    /**
     * @param values the input topic's value serializer
     * @param component the app named in the dead letters
     * @param sinkName the processor's sink to {@link Topics#DEAD_LETTERS}
     */
    public ProcessorDeadLetters(Serializer<V> values, String component, String sinkName) {
        this.values = values;
        this.component = component;
        this.sinkName = sinkName;
    }

    public void setAside(ProcessorContext<String, Object> context, Record<String, ?> record, V value,
            DeadLetterReason reason, String detail) {
        RecordMetadata source = context.recordMetadata().orElseThrow(() -> new IllegalStateException(
                "a record is set aside only while it is being processed"));
        log.warn("Setting aside {}-{}@{} on {}: {}: {}", source.topic(), source.partition(), source.offset(),
                Topics.DEAD_LETTERS.name(), reason, detail);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        OriginalRecord original = new OriginalRecord(source.topic(), source.partition(), source.offset(),
                record.timestamp(), key, values.serialize(source.topic(), value), record.headers());
        DeadLetter envelope = DeadLetters.envelope(original, reason, detail, component,
                Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(new Record<>(record.key(), (Object) envelope, record.timestamp(),
                DeadLetters.recordHeaders(reason, component)), sinkName);
    }
}
