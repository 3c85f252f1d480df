package io.sluice.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.SampleEvents.Sample;
import io.sluice.schemas.SampleEvents;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.serde.ConfluentWireFormat;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type through the registry-backed serde, the real registry and the real broker. */
@RealServers
class EventRoundTripIntegrationTest {
    private static KafkaServer kafka;
    private static String registryUrl;
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void connect(KafkaServer kafkaServer, SchemaRegistryServer registryServer) {
        kafka = kafkaServer;
        registryUrl = registryServer.url();
        registry = SchemaRegistryClient.of(registryUrl);
    }

    static Iterable<Sample<?>> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    <V extends SpecificRecord> void shouldRoundTripEveryEventTypeThroughRegistryAndBroker(Sample<V> sample) {
        String topic = newTopic("round-trip", sample);
        Serde<V> serde = sample.topic().valueSerde(registry);

        KafkaClients.produce(kafka.bootstrapServers(), topic, "upload-1", sample.value(),
                new StringSerializer(), serde.serializer());
        ConsumerRecord<String, V> record = KafkaClients.consume(kafka.bootstrapServers(), topic, 1,
                new StringDeserializer(), serde.deserializer()).getFirst();

        assertThat(record.key()).isEqualTo("upload-1");
        assertThat(record.value()).isEqualTo(sample.value());
    }

    @ParameterizedTest
    @MethodSource("samples")
    <V extends SpecificRecord> void shouldDecodeEveryEventTypeWithAGenericReaderAndOnlyTheRegistrySchema(
            Sample<V> sample) throws IOException, InterruptedException {
        String topic = newTopic("generic-read", sample);
        Serde<V> serde = sample.topic().valueSerde(registry);
        KafkaClients.produce(kafka.bootstrapServers(), topic, "upload-1", sample.value(),
                new StringSerializer(), serde.serializer());
        byte[] raw = KafkaClients.consume(kafka.bootstrapServers(), topic, 1,
                new StringDeserializer(), new ByteArrayDeserializer()).getFirst().value();

        assertThat(raw[0]).as("magic byte").isEqualTo(ConfluentWireFormat.MAGIC_BYTE);
        int schemaId = ConfluentWireFormat.readSchemaId(raw, 0, raw.length);
        Schema writer = RegistryHttp.schemaById(registryUrl, schemaId);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(raw, 5, raw.length - 5, null);
        GenericRecord generic = new GenericDatumReader<GenericRecord>(writer).read(null, decoder);

        assertThat(decoder.isEnd()).as("every byte consumed").isTrue();
        GenericRecord event = eventIn(generic);
        assertThat(event.getSchema().getName()).isEqualTo(sample.eventType());
        if (event.hasField("uploadId")) {
            assertThat(event.get("uploadId").toString()).isEqualTo(SampleEvents.UPLOAD_ID);
        }
        // timestamp-millis reads as a plain long without the specific classes
        String timeField = Stream.of("timestamp", "createdAt", "updatedAt", "minuteStart").filter(event::hasField)
                .findFirst().orElseThrow();
        GenericRecord sampleEvent = eventIn((GenericRecord) sample.value());
        assertThat(event.get(timeField)).isEqualTo(((Instant) sampleEvent.get(timeField)).toEpochMilli());
        // nothing lost: the generic record written back reads as the original event
        assertThat(serde.deserializer().deserialize(topic, frame(schemaId, writer, generic)))
                .isEqualTo(sample.value());
    }

    private static String newTopic(String purpose, Sample<?> sample) {
        String topic = "it." + purpose + "." + sample.eventType() + "." + UUID.randomUUID();
        kafka.createTopic(topic, 1, Map.of());
        return topic;
    }

    private static GenericRecord eventIn(GenericRecord value) {
        return value.hasField("payload") ? (GenericRecord) value.get("payload") : value;
    }

    private static byte[] frame(int schemaId, Schema writer, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[ConfluentWireFormat.HEADER_BYTES]);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
        encoder.flush();
        byte[] framed = out.toByteArray();
        ConfluentWireFormat.writeHeader(framed, schemaId);
        return framed;
    }
}
