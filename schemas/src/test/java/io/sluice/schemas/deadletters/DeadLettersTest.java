package io.sluice.schemas.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterHeader;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.serde.UndecodableRecordException.Problem;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeadLettersTest {

    private static final Instant SET_ASIDE_AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final byte[] KEY = "up_1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = {1, 2, 3};

    @Test
    void shouldKeepTheRecordByteForByteWithWhereItCameFromAndWhy() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        headers.add("empty", null);
        OriginalRecord original = new OriginalRecord("in", 3, 42, 1_000, KEY, VALUE, headers);

        DeadLetter letter = DeadLetters.envelope(original, DeadLetterReason.UNDECODABLE, "bad bytes", "tester",
                SET_ASIDE_AT);

        assertThat(letter.getSourceTopic()).isEqualTo("in");
        assertThat(letter.getSourcePartition()).isEqualTo(3);
        assertThat(letter.getSourceOffset()).isEqualTo(42);
        assertThat(letter.getSourceTimestamp()).isEqualTo(Instant.ofEpochMilli(1_000));
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(KEY));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(VALUE));
        assertThat(letter.getHeaders()).containsExactly(
                new DeadLetterHeader("trace", ByteBuffer.wrap("t-1".getBytes(StandardCharsets.UTF_8))),
                new DeadLetterHeader("empty", null));
        assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
        assertThat(letter.getDetail()).isEqualTo("bad bytes");
        assertThat(letter.getComponent()).isEqualTo("tester");
        assertThat(letter.getTimestamp()).isEqualTo(SET_ASIDE_AT);
        assertThat(letter.getEventId()).isEqualTo(DeadLetters.eventId("tester", "in", 3, 42));
    }

    @Test
    void shouldLeaveOutWhatTheRecordDoesNotHave() {
        OriginalRecord original = new OriginalRecord("in", 0, 7, -1, null, null, new RecordHeaders());

        DeadLetter letter = DeadLetters.envelope(original, DeadLetterReason.INVALID_EVENT, null, "tester",
                SET_ASIDE_AT);

        assertThat(letter.getKey()).isNull();
        assertThat(letter.getValue()).isNull();
        assertThat(letter.getSourceTimestamp()).isNull();
        assertThat(letter.getHeaders()).isEmpty();
        assertThat(letter.getDetail()).isEqualTo("INVALID_EVENT");
    }

    @Test
    void shouldSendUnderTheOriginalKeyWithTheReasonAndComponentInHeaders() {
        OriginalRecord original = new OriginalRecord("in", 0, 7, -1, KEY, VALUE, new RecordHeaders());

        ProducerRecord<byte[], String> record = DeadLetters.producerRecord(original, DeadLetterReason.UNKNOWN_TENANT,
                "tester", "envelope");

        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        assertThat(record.partition()).isNull();
        assertThat(record.key()).isEqualTo(KEY);
        assertThat(record.value()).isEqualTo("envelope");
        assertThat(header(record, DeadLetters.REASON_HEADER)).isEqualTo("UNKNOWN_TENANT");
        assertThat(header(record, DeadLetters.COMPONENT_HEADER)).isEqualTo("tester");
    }

    @Test
    void shouldDeriveTheSameIdForTheSameRecordAndAnotherForAnother() {
        assertThat(DeadLetters.eventId("blob-writer", "t", 1, 2)).isEqualTo(DeadLetters.eventId("blob-writer", "t", 1, 2));
        assertThat(DeadLetters.eventId("blob-writer", "t", 1, 2)).isNotEqualTo(DeadLetters.eventId("blob-writer", "t", 1, 3));
        assertThat(DeadLetters.eventId("blob-writer", "t", 1, 2))
                .isNotEqualTo(DeadLetters.eventId("session-processor", "t", 1, 2));
    }

    @ParameterizedTest
    @EnumSource(Problem.class)
    void shouldCallASchemaProblemIncompatibleAndEverythingElseUndecodable(Problem problem) {
        DeadLetterReason reason = DeadLetters.reasonFor(new UndecodableRecordException(problem, 9, "x"));

        boolean schemaProblem = List.of(Problem.UNKNOWN_SCHEMA_ID, Problem.INCOMPATIBLE_SCHEMA).contains(problem);
        assertThat(reason).isEqualTo(schemaProblem ? DeadLetterReason.INCOMPATIBLE_SCHEMA : DeadLetterReason.UNDECODABLE);
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
