package io.sluice.blob.consume;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.deadletters.OriginalRecord;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a record aside on {@link Topics#DEAD_LETTERS} as the {@link DeadLetters} envelope every
 * component writes, and reports when the broker has it, so that the record's offset is committed
 * only after its dead letter is durable.
 */
public final class DeadLetterWriter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterWriter.class);

    private final Producer<byte[], DeadLetter> producer;
    private final String component;
    private final Clock clock;

    public DeadLetterWriter(Producer<byte[], DeadLetter> producer, String component, Clock clock) {
        this.producer = producer;
        this.component = component;
        this.clock = clock;
    }

    /**
     * @param value the record's value bytes: the original ones when the record could not be decoded,
     *     the decoded event encoded again otherwise (the consumer decodes in place and keeps no copy)
     */
    public CompletableFuture<RecordMetadata> send(ConsumerRecord<byte[], ?> record, byte[] value,
            DeadLetterReason reason, String detail) {
        log.error("Setting aside {}-{}@{} on {}: {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.DEAD_LETTERS.name(), reason, detail);
        OriginalRecord original = OriginalRecord.of(record, value);
        DeadLetter deadLetter = DeadLetters.envelope(original, reason, detail, component, clock.instant());
        return AcknowledgedSend.send(producer, DeadLetters.producerRecord(original, reason, component, deadLetter));
    }
}
