package io.sluice.schemas.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.DeadLetter;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.SampleEvents;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Response;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.Result;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The handler on its own, fed what Streams hands it; the Streams apps' tests run it inside a topology. */
class DeadLetterDeserializationHandlerTest {

    private static final String TOPIC = Topics.UPLOAD_REQUESTS.name();
    private static final byte[] KEY = "up_0123".getBytes(StandardCharsets.UTF_8);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final DeadLetterDeserializationHandler handler = configured(
            DeadLetterDeserializationHandler.streamsProperties(registry, "tester"));

    @Test
    void shouldSetGarbageAsideWithItsOriginalBytesAndGoOn() {
        byte[] garbage = "not an event".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = record(garbage);

        Response response = handler.handleError(context(record), record, decodeFailure(garbage));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
            assertThat(sent.key()).isEqualTo(KEY);
            assertThat(header(sent, DeadLetters.REASON_HEADER)).isEqualTo("UNDECODABLE");
            assertThat(header(sent, DeadLetters.COMPONENT_HEADER)).isEqualTo("tester");
            DeadLetter letter = decode(sent);
            assertThat(letter.getReason()).isEqualTo(DeadLetterReason.UNDECODABLE);
            assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
            assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(KEY));
            assertThat(letter.getSourceTopic()).isEqualTo(TOPIC);
            assertThat(letter.getSourcePartition()).isEqualTo(4);
            assertThat(letter.getSourceOffset()).isEqualTo(17);
            assertThat(letter.getHeaders()).singleElement().satisfies(h -> assertThat(h.getKey()).isEqualTo("trace"));
            assertThat(letter.getComponent()).isEqualTo("tester");
            assertThat(letter.getDetail()).contains("WRONG_MAGIC_BYTE");
        });
    }

    @Test
    void shouldCallAnUnknownSchemaIdAnIncompatibleSchema() {
        byte[] unknownSchema = {0, 0, 0, 0x7f, 0x7f, 2, 4};
        ConsumerRecord<byte[], byte[]> record = record(unknownSchema);

        Response response = handler.handleError(context(record), record, decodeFailure(unknownSchema));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(sent -> {
            assertThat(header(sent, DeadLetters.REASON_HEADER)).isEqualTo("INCOMPATIBLE_SCHEMA");
            assertThat(decode(sent).getDetail()).contains("UNKNOWN_SCHEMA_ID");
        });
    }

    @Test
    void shouldStopRatherThanSetAsideARecordItCouldNotDecodeForWantOfTheRegistry() {
        ConsumerRecord<byte[], byte[]> record = record(new byte[] {0, 0, 0, 0, 1});

        Response response = handler.handleError(context(record), record,
                new SerializationException("cannot fetch schema 1 from the registry: connection refused"));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldAcceptTheRegistrysUrlInsteadOfAnInstance() {
        Map<String, Object> properties = new HashMap<>(DeadLetterDeserializationHandler.streamsProperties(registry, "tester"));
        properties.put(DeadLetterDeserializationHandler.REGISTRY_CONFIG, "http://registry.invalid:8081");

        assertThat(configured(properties)).isNotNull();
    }

    @Test
    void shouldRefuseToStartWithoutARegistryOrAComponent() {
        Map<String, Object> noRegistry = new HashMap<>(DeadLetterDeserializationHandler.streamsProperties(registry, "tester"));
        noRegistry.remove(DeadLetterDeserializationHandler.REGISTRY_CONFIG);
        Map<String, Object> noComponent = new HashMap<>(DeadLetterDeserializationHandler.streamsProperties(registry, "tester"));
        noComponent.put(DeadLetterDeserializationHandler.COMPONENT_CONFIG, " ");

        assertThatThrownBy(() -> configured(noRegistry)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterDeserializationHandler.REGISTRY_CONFIG);
        assertThatThrownBy(() -> configured(noComponent)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(DeadLetterDeserializationHandler.COMPONENT_CONFIG);
    }

    @Test
    void shouldBeWhatTheStreamsPropertiesInstall() {
        assertThat(DeadLetterDeserializationHandler.streamsProperties(registry, "tester"))
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class);
    }

    /** What the request topic's deserializer throws for these bytes. */
    private UndecodableRecordException decodeFailure(byte[] value) {
        // registers the request schema, so that only ids beyond it are unknown
        Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer().serialize(TOPIC,
                new UploadRequest(SampleEvents.uploadOpened()));
        try {
            Topics.UPLOAD_REQUESTS.valueSerde(registry).deserializer().deserialize(TOPIC, value);
        } catch (UndecodableRecordException e) {
            return e;
        }
        throw new AssertionError("the bytes decoded");
    }

    private DeadLetter decode(ProducerRecord<byte[], byte[]> sent) {
        return Topics.DEAD_LETTERS.valueSerde(registry).deserializer().deserialize(sent.topic(), sent.value());
    }

    private static DeadLetterDeserializationHandler configured(Map<String, ?> properties) {
        DeadLetterDeserializationHandler configured = new DeadLetterDeserializationHandler();
        configured.configure(properties);
        return configured;
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(TOPIC, 4, 17, 1_000, TimestampType.CREATE_TIME, KEY.length, value.length, KEY,
                value, headers, java.util.Optional.empty());
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ErrorHandlerContext context(ConsumerRecord<byte[], byte[]> record) {
        return new SourceContext(record);
    }

    /** The context Streams passes along with a record it could not deserialize. */
    private record SourceContext(ConsumerRecord<byte[], byte[]> record) implements ErrorHandlerContext {
        @Override public String topic() { return record.topic(); }
        @Override public int partition() { return record.partition(); }
        @Override public long offset() { return record.offset(); }
        @Override public Headers headers() { return record.headers(); }
        @Override public String processorNodeId() { return "source"; }
        @Override public TaskId taskId() { return new TaskId(0, record.partition()); }
        @Override public long timestamp() { return record.timestamp(); }
        @Override public byte[] sourceRawKey() { return record.key(); }
        @Override public byte[] sourceRawValue() { return record.value(); }
    }
}
