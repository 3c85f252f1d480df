package io.sluice.blob.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AbortRequested;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.serde.UndecodableRecordException;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class PoisonAwareDeserializerTest {

    private static final String TOPIC = Topics.UPLOAD_REQUESTS.name();

    private final Serde<UploadRequest> serde = Topics.UPLOAD_REQUESTS.valueSerde(new InMemorySchemaRegistry());
    private final PoisonAwareDeserializer<UploadRequest> deserializer = new PoisonAwareDeserializer<>(serde.deserializer());

    @Test
    void shouldDecodeAnEventFromTheFetchBuffer() {
        UploadRequest request = new UploadRequest(AbortRequested.newBuilder().setEventId("e-1")
                .setUploadId("up_" + "a".repeat(32)).setTenant("acme").setTimestamp(Instant.ofEpochMilli(1)).build());
        byte[] encoded = serde.serializer().serialize(TOPIC, request);
        ByteBuffer fetchBuffer = ByteBuffer.allocate(encoded.length + 10).position(5);
        fetchBuffer.put(encoded).flip().position(5);

        Decoded<UploadRequest> decoded = deserializer.deserialize(TOPIC, new RecordHeaders(), fetchBuffer);

        assertThat(decoded).isEqualTo(new Decoded.Event<>(request));
    }

    @Test
    void shouldKeepThePoisonBytesInsteadOfThrowing() {
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);

        Decoded<UploadRequest> decoded = deserializer.deserialize(TOPIC, new RecordHeaders(), ByteBuffer.wrap(poison));

        assertThat(decoded).isInstanceOfSatisfying(Decoded.Undecodable.class, undecodable -> {
            assertThat(undecodable.rawValue()).isEqualTo(poison);
            assertThat(undecodable.problem().problem()).isEqualTo(UndecodableRecordException.Problem.WRONG_MAGIC_BYTE);
        });
    }

    @Test
    void shouldPassATombstoneOn() {
        assertThat(deserializer.deserialize(TOPIC, new RecordHeaders(), (ByteBuffer) null)).isNull();
    }
}
