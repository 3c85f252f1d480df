package io.sluice.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.SampleEvents;
import io.sluice.schemas.SampleEvents.Sample;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.registry.RegisteredSchema;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryException;
import io.sluice.schemas.serde.UndecodableRecordException.Problem;
import io.sluice.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The framing and the error cases, with a registry in memory: the real one is in the integration tests. */
class AvroSerdeFramingTest {
    private static final String TOPIC = "framing-test";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final Serde<UploadRequest> requests = Topics.UPLOAD_REQUESTS.valueSerde(registry);

    static Iterable<Sample<?>> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    <V extends SpecificRecord> void shouldRoundTripEveryEventType(Sample<V> sample) {
        Serde<V> serde = sample.topic().valueSerde(registry);
        byte[] bytes = serde.serializer().serialize(TOPIC, sample.value());
        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(sample.value());
    }

    @Test
    void shouldStartWithMagicByteZeroAndTheIdRegisteredUnderTheValueSubject() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));

        Optional<RegisteredSchema> registered =
                registry.lookup(TOPIC + "-value", UploadRequest.getClassSchema());
        assertThat(registered).isPresent();
        assertThat(bytes[0]).isZero();
        assertThat(ConfluentWireFormat.readSchemaId(bytes, 0, bytes.length)).isEqualTo(registered.get().id());
    }

    @Test
    void shouldRegisterAKeySerializerUnderTheKeySubject() {
        AvroSerializer<ChunkStored> keys =
                new AvroSerializer<>(registry, ChunkStored.class, SchemaRegistration.AUTO_REGISTER, true);
        keys.serialize(TOPIC, stored());
        assertThat(registry.subjects()).containsExactly(TOPIC + "-key");
    }

    @Test
    void shouldOutputExactlyHeaderPlusAvroBodyForA16MibChunk() throws IOException {
        byte[] payload = new byte[Topics.MAX_CHUNK_BYTES];
        new Random(1).nextBytes(payload);
        UploadRequest request = new UploadRequest(SampleEvents.chunkReceived(0, payload));

        byte[] bytes = requests.serializer().serialize(TOPIC, request);

        byte[] body = plainAvro(UploadRequest.getClassSchema(), request);
        assertThat(bytes.length).isEqualTo(5 + body.length);
        assertThat(Arrays.equals(bytes, 5, bytes.length, body, 0, body.length)).isTrue();
        ChunkReceived back = (ChunkReceived) requests.deserializer().deserialize(TOPIC, bytes).getPayload();
        assertThat(back.getBytes()).isEqualTo(ByteBuffer.wrap(payload));
    }

    @Test
    void shouldLeaveThePayloadBufferAsItWasWhenSerializing() {
        ChunkReceived chunk = SampleEvents.chunkReceived(0, new byte[] {1, 2, 3});
        byte[] first = requests.serializer().serialize(TOPIC, new UploadRequest(chunk));
        byte[] second = requests.serializer().serialize(TOPIC, new UploadRequest(chunk));
        assertThat(second).isEqualTo(first);
        assertThat(chunk.getBytes().remaining()).isEqualTo(3);
    }

    @Test
    void shouldDecodeFromASliceOfALargerBufferAsTheConsumerHandsItOver() {
        UploadRequest request = new UploadRequest(SampleEvents.uploadOpened());
        byte[] bytes = requests.serializer().serialize(TOPIC, request);
        byte[] batch = new byte[bytes.length + 20];
        System.arraycopy(bytes, 0, batch, 7, bytes.length);
        ByteBuffer slice = ByteBuffer.wrap(batch, 7, bytes.length).slice();

        assertThat(requests.deserializer().deserialize(TOPIC, null, slice)).isEqualTo(request);
        assertThat(slice.position()).isZero();
    }

    @Test
    void shouldKeepNullAsNullBothWaysForTombstones() {
        assertThat(requests.serializer().serialize(TOPIC, null)).isNull();
        assertThat(requests.deserializer().deserialize(TOPIC, (byte[]) null)).isNull();
    }

    @Test
    void shouldRefuseAWrongMagicByteAsUndecodable() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));
        bytes[0] = 1;
        assertUndecodable(bytes, Problem.WRONG_MAGIC_BYTE);
    }

    @Test
    void shouldRefusePlainTextAsUndecodable() {
        assertUndecodable("{\"hello\":1}".getBytes(), Problem.WRONG_MAGIC_BYTE);
    }

    @Test
    void shouldRefuseATruncatedHeader() {
        assertUndecodable(new byte[] {0, 0, 1}, Problem.TOO_SHORT);
    }

    @Test
    void shouldRefuseATruncatedBody() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));
        assertUndecodable(Arrays.copyOf(bytes, bytes.length - 10), Problem.MALFORMED_PAYLOAD);
    }

    @Test
    void shouldRefuseABodyThatClaimsMoreBytesThanThereAre() {
        byte[] bytes = requests.serializer().serialize(TOPIC,
                new UploadRequest(SampleEvents.chunkReceived(0, new byte[1000])));
        assertUndecodable(Arrays.copyOf(bytes, bytes.length - 1), Problem.MALFORMED_PAYLOAD);
    }

    @Test
    void shouldRefuseStrayBytesAfterTheBody() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));
        assertUndecodable(Arrays.copyOf(bytes, bytes.length + 3), Problem.MALFORMED_PAYLOAD);
    }

    @ParameterizedTest
    @MethodSource("samples")
    <V extends SpecificRecord> void shouldEitherDecodeCorruptedBodiesOrReportThemUndecodableNeverAnythingElse(
            Sample<V> sample) {
        Serde<V> serde = sample.topic().valueSerde(registry);
        byte[] valid = serde.serializer().serialize(TOPIC, sample.value());
        Random random = new Random(sample.eventType().hashCode());
        for (int i = 0; i < 2_000; i++) {
            byte[] corrupt = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                corrupt[5 + random.nextInt(corrupt.length - 5)] = (byte) random.nextInt(256);
            }
            try {
                serde.deserializer().deserialize(TOPIC, corrupt);
            } catch (UndecodableRecordException expected) {
                assertThat(expected.problem()).isEqualTo(Problem.MALFORMED_PAYLOAD);
            }
        }
    }

    @Test
    void shouldRefuseASchemaIdTheRegistryDoesNotKnow() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));
        ConfluentWireFormat.writeHeader(bytes, 999);
        assertUndecodable(bytes, Problem.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void shouldRefuseARecordWrittenWithAnUnrelatedSchema() {
        // a blob event written to the request topic: valid Avro, but not an UploadRequest
        byte[] bytes = Topics.BLOB_EVENTS.valueSerde(registry).serializer()
                .serialize(TOPIC, new BlobEvent(stored()));
        assertUndecodable(bytes, Problem.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void shouldNotReportAnUnreachableRegistryAsAPoisonRecord() {
        byte[] bytes = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened()));
        SchemaRegistry down = new SchemaRegistry() {
            @Override
            public int register(String subject, Schema schema) {
                throw unreachable();
            }

            @Override
            public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
                throw unreachable();
            }

            @Override
            public Schema schemaById(int id) {
                throw unreachable();
            }

            private SchemaRegistryException unreachable() {
                return new SchemaRegistryException("connection refused", new IOException("refused"));
            }
        };

        assertThatThrownBy(() -> Topics.UPLOAD_REQUESTS.valueSerde(down).deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .isNotInstanceOf(UndecodableRecordException.class);
        assertThatThrownBy(() -> Topics.UPLOAD_REQUESTS.valueSerde(down).serializer()
                .serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("connection refused");
    }

    @Test
    void shouldReadARecordWrittenWithAnOlderSchemaFillingInDefaults() throws IOException {
        // ChunkStored as it might have looked before causationId was added
        Schema older = new Schema.Parser().parse("""
                {"type":"record","name":"ChunkStored","namespace":"io.sluice.events","fields":[
                  {"name":"eventId","type":"string"},{"name":"uploadId","type":"string"},
                  {"name":"tenant","type":"string"},
                  {"name":"timestamp","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"index","type":"int"},{"name":"length","type":"int"},
                  {"name":"sha256","type":"string"},{"name":"objectKey","type":"string"}]}""");
        GenericRecord old = new GenericData.Record(older);
        old.put("eventId", "e1");
        old.put("uploadId", "u1");
        old.put("tenant", "t1");
        old.put("timestamp", 1_000L);
        old.put("index", 2);
        old.put("length", 5);
        old.put("sha256", "ab");
        old.put("objectKey", "k");
        byte[] body = plainAvro(older, old);
        byte[] framed = new byte[5 + body.length];
        ConfluentWireFormat.writeHeader(framed, registry.register("old-subject", older));
        System.arraycopy(body, 0, framed, 5, body.length);

        ChunkStored read = new AvroDeserializer<>(registry, ChunkStored.class).deserialize(TOPIC, framed);

        assertThat(read.getCausationId()).isNull();
        assertThat(read.getIndex()).isEqualTo(2);
        assertThat(read.getTimestamp()).isEqualTo(Instant.ofEpochMilli(1_000L));
    }

    @Test
    void shouldRefuseASchemaNobodyRegisteredWhenLookupOnly() {
        Serde<UploadRequest> strict = Topics.UPLOAD_REQUESTS.valueSerde(registry, SchemaRegistration.LOOKUP_ONLY);
        assertThatThrownBy(() -> strict.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.uploadOpened())))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject " + TOPIC + "-value");
    }

    @Test
    void shouldUseASchemaRegisteredBeforehandWhenLookupOnly() {
        registry.register(TOPIC + "-value", UploadRequest.getClassSchema());
        Serde<UploadRequest> strict = Topics.UPLOAD_REQUESTS.valueSerde(registry, SchemaRegistration.LOOKUP_ONLY);
        UploadRequest request = new UploadRequest(SampleEvents.uploadOpened());
        assertThat(strict.deserializer().deserialize(TOPIC, strict.serializer().serialize(TOPIC, request)))
                .isEqualTo(request);
    }

    private void assertUndecodable(byte[] bytes, Problem problem) {
        assertThatThrownBy(() -> requests.deserializer().deserialize(TOPIC, bytes))
                .isInstanceOfSatisfying(UndecodableRecordException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(problem.name());
    }

    private static ChunkStored stored() {
        return ChunkStored.newBuilder().setEventId("e").setUploadId("u").setTenant("t")
                .setTimestamp(Instant.EPOCH).setIndex(0).setLength(1).setSha256("s")
                .setObjectKey("k").build();
    }

    private static byte[] plainAvro(Schema schema, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        GenericData model = datum instanceof SpecificRecord record
                ? org.apache.avro.specific.SpecificData.getForClass(record.getClass())
                : GenericData.get();
        new GenericDatumWriter<Object>(schema, model).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
