package io.sluice.blob.consume;

import io.sluice.blob.events.BlobEventIds;
import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterHeader;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets a record aside on {@link Topics#DEAD_LETTERS}: its key, value and headers, where it came from,
 * and why (in the {@code DeadLetter} and in the record's headers, so tools can filter without
 * decoding). The dead letter's id derives from the record's coordinates, so setting the same record
 * aside twice (after a restart) writes the same dead letter.
 */
public final class DeadLetterWriter {

    public static final String REASON_HEADER = "sluice.dead-letter.reason";
    public static final String COMPONENT_HEADER = "sluice.dead-letter.component";

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
        DeadLetter deadLetter = DeadLetter.newBuilder()
                .setEventId(BlobEventIds.deadLetter(component, record.topic(), record.partition(), record.offset()))
                .setTimestamp(clock.instant())
                .setComponent(component)
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setSourceTimestamp(record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null)
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setHeaders(headersOf(record))
                .setReason(reason)
                .setDetail(detail)
                .build();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.name().getBytes(StandardCharsets.UTF_8));
        headers.add(COMPONENT_HEADER, component.getBytes(StandardCharsets.UTF_8));
        return AcknowledgedSend.send(producer,
                new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, record.key(), deadLetter, headers));
    }

    private static List<DeadLetterHeader> headersOf(ConsumerRecord<byte[], ?> record) {
        List<DeadLetterHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DeadLetterHeader(header.key(), header.value() == null ? null : ByteBuffer.wrap(header.value())));
        }
        return headers;
    }
}
