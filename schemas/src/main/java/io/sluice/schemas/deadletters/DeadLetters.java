package io.sluice.schemas.deadletters;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterHeader;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * How every component sets a record aside on {@link Topics#DEAD_LETTERS}: a {@code DeadLetter}
 * envelope with the record's key, value and headers, where it came from and why, written under the
 * original key, with the reason and the component also in the record's headers so that tools can
 * filter without decoding. The blob writer's consumer loop and the Streams apps' deserialization
 * handler and processors all build their dead letters here.
 */
public final class DeadLetters {

    /** Record header with the {@link DeadLetterReason} name. */
    public static final String REASON_HEADER = "sluice.dead-letter.reason";
    /** Record header with the name of the component that set the record aside. */
    public static final String COMPONENT_HEADER = "sluice.dead-letter.component";

    private DeadLetters() {}

    /**
     * The envelope for {@code original}. Its id derives from the component and the record's
     * coordinates, so setting the same record aside twice (after a restart) writes the same dead
     * letter.
     *
     * @param detail a human-readable explanation; the reason's name when null
     * @param setAsideAt when the record was set aside
     */
    public static DeadLetter envelope(OriginalRecord original, DeadLetterReason reason, String detail,
            String component, Instant setAsideAt) {
        return DeadLetter.newBuilder()
                .setEventId(eventId(component, original.topic(), original.partition(), original.offset()))
                .setTimestamp(setAsideAt)
                .setComponent(component)
                .setSourceTopic(original.topic())
                .setSourcePartition(original.partition())
                .setSourceOffset(original.offset())
                .setSourceTimestamp(original.timestamp() >= 0 ? Instant.ofEpochMilli(original.timestamp()) : null)
                .setKey(original.key() == null ? null : ByteBuffer.wrap(original.key()))
                .setValue(original.value() == null ? null : ByteBuffer.wrap(original.value()))
                .setHeaders(headersOf(original.headers()))
                .setReason(reason)
                .setDetail(detail == null ? reason.name() : detail)
                .build();
    }

    /**
     * The record to send to the dead-letter topic: the original key, the {@code value} (the
     * envelope, or its serialized bytes) and the reason and component headers.
     */
    public static <V> ProducerRecord<byte[], V> producerRecord(OriginalRecord original, DeadLetterReason reason,
            String component, V value) {
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, original.key(), value,
                recordHeaders(reason, component));
    }

    /** The headers every dead-letter record carries: {@value #REASON_HEADER} and {@value #COMPONENT_HEADER}. */
    public static Headers recordHeaders(DeadLetterReason reason, String component) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.name().getBytes(StandardCharsets.UTF_8));
        headers.add(COMPONENT_HEADER, component.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /**
     * Why bytes that cannot be decoded are set aside: a schema id the registry does not know, or a
     * writer schema that cannot be read as the topic's type, is a schema problem; everything else
     * (not the wire format, a corrupt Avro body) is undecodable.
     */
    public static DeadLetterReason reasonFor(UndecodableRecordException problem) {
        return switch (problem.problem()) {
            case UNKNOWN_SCHEMA_ID, INCOMPATIBLE_SCHEMA -> DeadLetterReason.INCOMPATIBLE_SCHEMA;
            case TOO_SHORT, WRONG_MAGIC_BYTE, MALFORMED_PAYLOAD -> DeadLetterReason.UNDECODABLE;
        };
    }

    /** The id of the dead letter {@code component} writes for the record at these coordinates (a name-based UUID). */
    public static String eventId(String component, String topic, int partition, long offset) {
        String name = component + "/DeadLetter/" + topic + "/" + partition + "/" + offset;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<DeadLetterHeader> headersOf(Headers headers) {
        List<DeadLetterHeader> copied = new ArrayList<>();
        if (headers == null) return copied;
        for (Header header : headers) {
            copied.add(new DeadLetterHeader(header.key(),
                    header.value() == null ? null : ByteBuffer.wrap(header.value())));
        }
        return copied;
    }
}
