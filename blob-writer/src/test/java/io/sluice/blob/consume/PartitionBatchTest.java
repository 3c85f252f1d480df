package io.sluice.blob.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.schemas.deadletters.DeadLetters;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class PartitionBatchTest {

    private static final TopicPartition PARTITION = new TopicPartition("in", 3);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final MockProducer<byte[], DeadLetter> deadLetterProducer = new MockProducer<>(true, null,
            Topics.DEAD_LETTERS.keySerde(registry).serializer(), Topics.DEAD_LETTERS.valueSerde(registry).serializer());
    private final DeadLetterWriter deadLetters = new DeadLetterWriter(deadLetterProducer, "blob-writer",
            Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));
    private final List<String> processed = new ArrayList<>();

    @Test
    void shouldMakeTheWholeBatchCommittableWhenEveryRecordIsAcknowledged() {
        BatchOutcome outcome = run(List.of(record(10, "a"), record(11, "b"), record(12, "c")));

        assertThat(processed).containsExactly("a", "b", "c");
        assertThat(outcome).isEqualTo(new BatchOutcome(PARTITION, 13, -1, null));
    }

    @Test
    void shouldStopAtAFailingRecordAndCommitOnlyTheRecordsBeforeIt() {
        BatchOutcome outcome = run(List.of(record(10, "a"), record(11, "fail"), record(12, "c")));

        assertThat(processed).containsExactly("a", "fail");
        assertThat(outcome.committable()).isEqualTo(11);
        assertThat(outcome.failedOffset()).isEqualTo(11);
        assertThat(outcome.failure()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldTreatAFailedAcknowledgementAsAFailureOfItsRecord() {
        BatchOutcome outcome = run(List.of(record(10, "unacknowledged"), record(11, "b")));

        assertThat(outcome.committable()).isEqualTo(-1);
        assertThat(outcome.failedOffset()).isEqualTo(10);
        assertThat(outcome.failure()).hasMessage("broker gone");
    }

    @Test
    void shouldSetAPoisonRecordAsideAndGoOn() {
        byte[] poison = "garbage".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], Decoded<String>> poisonRecord = new ConsumerRecord<>(PARTITION.topic(),
                PARTITION.partition(), 11, "key".getBytes(StandardCharsets.UTF_8), new Decoded.Undecodable<>(poison,
                        new UndecodableRecordException(UndecodableRecordException.Problem.WRONG_MAGIC_BYTE, -1, "bad")));

        BatchOutcome outcome = run(List.of(record(10, "a"), poisonRecord, record(12, "c")));

        assertThat(outcome).isEqualTo(new BatchOutcome(PARTITION, 13, -1, null));
        assertThat(processed).containsExactly("a", "c");
        assertThat(deadLetterProducer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            assertThat(sent.key()).isEqualTo("key".getBytes(StandardCharsets.UTF_8));
            DeadLetter letter = sent.value();
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(letter.getSourceTopic()).isEqualTo("in");
            assertThat(letter.getSourcePartition()).isEqualTo(3);
            assertThat(letter.getSourceOffset()).isEqualTo(11);
            assertThat(letter.getValue().array()).isEqualTo(poison);
            assertThat(letter.getComponent()).isEqualTo("blob-writer");
            assertThat(new String(sent.headers().lastHeader(DeadLetters.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).isEqualTo("UNDECODABLE");
        });
    }

    @Test
    void shouldSetAnUnprocessableRecordAsideWithItsValueEncodedAgain() {
        BatchOutcome outcome = run(List.of(record(10, "unprocessable"), record(11, "b")));

        assertThat(outcome).isEqualTo(new BatchOutcome(PARTITION, 12, -1, null));
        assertThat(deadLetterProducer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.value().getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
            assertThat(sent.value().getDetail()).isEqualTo("no such upload");
            assertThat(new String(sent.value().getValue().array(), StandardCharsets.UTF_8)).isEqualTo("unprocessable");
        });
    }

    @Test
    void shouldStartNoFurtherRecordOnceStopping() {
        BatchOutcome outcome = new PartitionBatch<>(PARTITION, List.of(record(10, "a")), this::process, deadLetters,
                new StringSerializer(), () -> true).call();

        assertThat(processed).isEmpty();
        assertThat(outcome).isEqualTo(new BatchOutcome(PARTITION, -1, -1, null));
    }

    private BatchOutcome run(List<ConsumerRecord<byte[], Decoded<String>>> records) {
        return new PartitionBatch<>(PARTITION, records, this::process, deadLetters, new StringSerializer(),
                () -> false).call();
    }

    private CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<String>> record, String value) throws Exception {
        processed.add(value);
        return switch (value) {
            case "fail" -> throw new IOException("S3 unreachable");
            case "unacknowledged" -> CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
            case "unprocessable" -> throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT, "no such upload");
            default -> CompletableFuture.completedFuture(null);
        };
    }

    private static ConsumerRecord<byte[], Decoded<String>> record(long offset, String value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, null, new Decoded.Event<>(value));
    }
}
