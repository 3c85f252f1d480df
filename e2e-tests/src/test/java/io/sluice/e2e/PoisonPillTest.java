package io.sluice.e2e;

import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KafkaServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The last bad-input row of docs/contract.md and I4: records on the request topic that cannot be decoded — bytes
 * that are not the registry's wire format at all, and the wire format naming a schema the registry
 * does not know — go to the dead-letter topic with the reason in a header, and processing goes on:
 * an upload whose requests sit behind them on the same partition still finishes.
 */
@OnSharedPipeline
class PoisonPillTest {

    /** The request topic's partition the poison records and the upload share. */
    private static final int PARTITION = 3;
    private static final int CHUNK = 64 * 1024;
    private static final String REASON_HEADER = "sluice.dead-letter.reason";
    private static final String COMPONENT_HEADER = "sluice.dead-letter.component";
    /** Every component that reads the request topic sets a poison record aside for itself. */
    private static final List<String> REQUEST_READERS =
            List.of(ServiceId.SESSION_PROCESSOR.moduleName(), ServiceId.BLOB_WRITER.moduleName());

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = pipeline.client();
    }

    @Test
    void shouldSetUndecodableRequestsAsideAndFinishAnUploadQueuedBehindThemOnTheSamePartition(KafkaServer kafka)
            throws Exception {
        byte[] garbage = "not the registry's wire format".getBytes(StandardCharsets.UTF_8);
        // Magic byte 0 and a schema id no registry has handed out, then a few bytes of "body".
        byte[] unknownSchema = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 2, 4, 6, 8};
        RecordMetadata garbageAt = produce(kafka, "poison-garbage", garbage);
        RecordMetadata unknownSchemaAt = produce(kafka, "poison-unknown-schema", unknownSchema);

        byte[] file = randomFile(3 * CHUNK + 11, 80);
        String uploadId = createOnPartition(file);
        sendAll(client, uploadId, file, CHUNK);
        // Checked before the finish, whose answer would only say that the upload has not finished yet.
        awaitStatus(client, uploadId, s -> indexes(s.path("stored")).size() == Uploads.chunkCount(file, CHUNK),
                "every chunk stored");
        assertReadable(client, finish(client, uploadId, file), file);

        List<ConsumerRecord<byte[], DeadLetter>> deadLetters = pipeline.events().awaitRecords(Topics.DEAD_LETTERS, 0,
                found -> REQUEST_READERS.stream().allMatch(component -> deadLetter(found, component, garbageAt) != null
                        && deadLetter(found, component, unknownSchemaAt) != null), Duration.ofSeconds(30));
        for (String component : REQUEST_READERS) {
            assertSetAside(deadLetter(deadLetters, component, garbageAt), "poison-garbage", garbage);
            assertSetAside(deadLetter(deadLetters, component, unknownSchemaAt), "poison-unknown-schema", unknownSchema);
        }
    }

    private static void assertSetAside(ConsumerRecord<byte[], DeadLetter> record, String key, byte[] value) {
        String reason = header(record, REASON_HEADER);
        assertThat(reason).as("the reason header").isNotNull();
        assertThat(Arrays.stream(DeadLetterReason.values()).map(Enum::name)).contains(reason);
        DeadLetter deadLetter = record.value();
        assertThat(deadLetter.getReason().name()).isEqualTo(reason);
        assertThat(deadLetter.getDetail()).isNotBlank();
        assertThat(bytes(deadLetter.getKey())).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThat(bytes(deadLetter.getValue())).as("the original bytes, kept").isEqualTo(value);
    }

    /** Creates uploads until the id of one lands on {@link #PARTITION}, behind the poison records. */
    private static String createOnPartition(byte[] file) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String uploadId = Uploads.create(client, "behind-poison.bin", file, CHUNK);
            if (EventLog.partitionOf(uploadId) == PARTITION) return uploadId;
        }
        throw new AssertionError("100 upload ids and none on partition " + PARTITION);
    }

    private static RecordMetadata produce(KafkaServer kafka, String key, byte[] value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), PARTITION,
                    key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    /** The dead letter {@code component} wrote for the record at {@code source}, or null. */
    private static ConsumerRecord<byte[], DeadLetter> deadLetter(List<ConsumerRecord<byte[], DeadLetter>> records,
            String component, RecordMetadata source) {
        return records.stream()
                .filter(record -> component.equals(header(record, COMPONENT_HEADER)))
                .filter(record -> record.value().getSourceTopic().equals(source.topic())
                        && record.value().getSourcePartition() == source.partition()
                        && record.value().getSourceOffset() == source.offset())
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) return null;
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
