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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Starting a partition's records: in order, without waiting, poison and unprocessable records set aside. */
class PartitionStarterTest {

    private static final TopicPartition PARTITION = new TopicPartition("in", 3);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final MockProducer<byte[], DeadLetter> deadLetterProducer = new MockProducer<>(true, null,
            Topics.DEAD_LETTERS.keySerde(registry).serializer(), Topics.DEAD_LETTERS.valueSerde(registry).serializer());
    private final DeadLetterWriter deadLetters = new DeadLetterWriter(deadLetterProducer, "blob-writer",
            Clock.fixed(Instant.ofEpochMilli(42), ZoneOffset.UTC));
    private final List<String> processed = new ArrayList<>();
    private final Map<String, CompletableFuture<Void>> works = new HashMap<>();

    @Test
    void shouldStartEveryRecordInOffsetOrderWithoutWaitingForItsWork() {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        works.put("slow", slow);

        PartitionStarter.Started started = run(List.of(record(10, "slow"), record(11, "b"), record(12, "c")));

        assertThat(processed).containsExactly("slow", "b", "c");
        assertThat(started.records()).extracting(StartedRecord::offset).containsExactly(10L, 11L, 12L);
        assertThat(started.records().getFirst().done()).isNotDone();
        assertThat(started.records().get(1).done()).isCompleted();
        assertThat(started.failure()).isNull();
        slow.complete(null);
        assertThat(started.records().getFirst().done()).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void shouldStopAtARecordWhoseStartFailsAndNameIt() {
        PartitionStarter.Started started = run(List.of(record(10, "a"), record(11, "fail"), record(12, "c")));

        assertThat(processed).containsExactly("a", "fail");
        assertThat(started.records()).extracting(StartedRecord::offset).containsExactly(10L);
        assertThat(started.failedOffset()).isEqualTo(11);
        assertThat(started.failure()).isInstanceOf(IOException.class);
    }

    @Test
    void shouldFailARecordWhoseWorkFailsSoThatItIsReadAgain() {
        PartitionStarter.Started started = run(List.of(record(10, "unacknowledged"), record(11, "b")));

        assertThat(started.records().getFirst().done()).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().withMessage("broker gone");
        assertThat(started.records().get(1).done()).isCompleted();
        assertThat(deadLetterProducer.history()).isEmpty();
    }

    @Test
    void shouldSetAPoisonRecordAsideAndGoOn() {
        byte[] poison = "garbage".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], Decoded<String>> poisonRecord = new ConsumerRecord<>(PARTITION.topic(),
                PARTITION.partition(), 11, "key".getBytes(StandardCharsets.UTF_8), new Decoded.Undecodable<>(poison,
                        new UndecodableRecordException(UndecodableRecordException.Problem.WRONG_MAGIC_BYTE, -1, "bad")));

        PartitionStarter.Started started = run(List.of(record(10, "a"), poisonRecord, record(12, "c")));

        assertAllDone(started, 10, 11, 12);
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
        PartitionStarter.Started started = run(List.of(record(10, "unprocessable"), record(11, "b")));

        assertAllDone(started, 10, 11);
        assertThat(deadLetterProducer.history()).singleElement().satisfies(sent -> {
            assertThat(sent.value().getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT);
            assertThat(sent.value().getDetail()).isEqualTo("no such upload");
            assertThat(new String(sent.value().getValue().array(), StandardCharsets.UTF_8)).isEqualTo("unprocessable");
        });
    }

    @Test
    void shouldStartNoFurtherRecordOnceStopping() {
        PartitionStarter.Started started = new PartitionStarter<>(List.of(record(10, "a")), this::process,
                deadLetters, new StringSerializer(), Runnable::run, () -> true).call();

        assertThat(processed).isEmpty();
        assertThat(started).isEqualTo(new PartitionStarter.Started(List.of(), -1, null));
    }

    @Test
    void shouldSetARecordAsideThatIsFoundUnprocessableOnlyOnceUnderWay() {
        CompletableFuture<Void> later = new CompletableFuture<>();
        works.put("later", later);
        PartitionStarter.Started started = run(List.of(record(10, "later"), record(11, "b")));
        assertThat(deadLetterProducer.history()).isEmpty();

        later.completeExceptionally(new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED, "too big"));

        assertAllDone(started, 10, 11);
        assertThat(deadLetterProducer.history()).singleElement()
                .satisfies(sent -> assertThat(sent.value().getDetail()).isEqualTo("too big"));
    }

    private static void assertAllDone(PartitionStarter.Started started, long... offsets) {
        assertThat(started.failure()).isNull();
        assertThat(started.records()).extracting(StartedRecord::offset).containsExactly(
                java.util.Arrays.stream(offsets).boxed().toArray(Long[]::new));
        started.records().forEach(record -> assertThat(record.done()).succeedsWithin(Duration.ofSeconds(5)));
    }

    private PartitionStarter.Started run(List<ConsumerRecord<byte[], Decoded<String>>> records) {
        return new PartitionStarter<>(records, this::process, deadLetters, new StringSerializer(), Runnable::run,
                () -> false).call();
    }

    private CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<String>> record, String value) throws Exception {
        processed.add(value);
        return switch (value) {
            case "fail" -> throw new IOException("S3 unreachable");
            case "unacknowledged" -> CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
            case "unprocessable" -> throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT, "no such upload");
            default -> works.getOrDefault(value, CompletableFuture.completedFuture(null));
        };
    }

    private static ConsumerRecord<byte[], Decoded<String>> record(long offset, String value) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, null, new Decoded.Event<>(value));
    }
}
