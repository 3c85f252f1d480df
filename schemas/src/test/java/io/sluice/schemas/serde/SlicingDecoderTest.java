package io.sluice.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.ChunkReceived;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.SampleEvents;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** Avro's binary encoding read in place: values as Avro's encoder writes them, chunk bytes as views, stated sizes checked. */
class SlicingDecoderTest {

    private static final String TOPIC = "slicing-test";

    @Test
    void shouldGiveAChunksBytesAsAViewOfTheRecordNotACopy() {
        Serde<UploadRequest> requests = Topics.UPLOAD_REQUESTS.valueSerde(new InMemorySchemaRegistry());
        byte[] payload = new byte[64 * 1024];
        new Random(3).nextBytes(payload);
        byte[] record = requests.serializer().serialize(TOPIC, new UploadRequest(SampleEvents.chunkReceived(0, payload)));

        ChunkReceived decoded = (ChunkReceived) requests.deserializer().deserialize(TOPIC, record).getPayload();

        ByteBuffer bytes = decoded.getBytes();
        assertThat(bytes.array()).as("the record's own array").isSameAs(record);
        assertThat(bytes.remaining()).isEqualTo(payload.length);
        assertThat(bytes).isEqualTo(ByteBuffer.wrap(payload));
    }

    @Test
    void shouldReadWhatAvrosEncoderWrites() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        long[] longs = {0, -1, 1, 63, -64, 64, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : longs) encoder.writeLong(value);
        encoder.writeInt(-150);
        encoder.writeBoolean(true);
        encoder.writeFloat(1.5f);
        encoder.writeDouble(-2.25);
        encoder.writeString("grüße");
        encoder.writeIndex(3);
        encoder.flush();
        byte[] bytes = out.toByteArray();

        SlicingDecoder decoder = new SlicingDecoder(bytes, 0, bytes.length);

        for (long value : longs) assertThat(decoder.readLong()).isEqualTo(value);
        assertThat(decoder.readInt()).isEqualTo(-150);
        assertThat(decoder.readBoolean()).isTrue();
        assertThat(decoder.readFloat()).isEqualTo(1.5f);
        assertThat(decoder.readDouble()).isEqualTo(-2.25);
        assertThat(decoder.readString()).isEqualTo("grüße");
        assertThat(decoder.readIndex()).isEqualTo(3);
        assertThat(decoder.isEnd()).isTrue();
    }

    @Test
    void shouldRefuseABlockThatStatesMoreItemsThanBytesLeftBeforeAnythingIsAllocated() {
        byte[] twoBillionItems = {(byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 2, 'a'}; // zig-zag 2^31-1
        assertThatThrownBy(() -> new SlicingDecoder(twoBillionItems, 0, twoBillionItems.length).readArrayStart())
                .isInstanceOf(AvroRuntimeException.class).hasMessageContaining("items");
        assertThatThrownBy(() -> new SlicingDecoder(twoBillionItems, 0, twoBillionItems.length).readMapStart())
                .isInstanceOf(AvroRuntimeException.class);
    }

    @Test
    void shouldRefuseALengthBeyondTheRecord() {
        byte[] saysTenBytes = {20, 'a', 'b'};
        assertThatThrownBy(() -> new SlicingDecoder(saysTenBytes, 0, saysTenBytes.length).readBytes(null))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> new SlicingDecoder(saysTenBytes, 0, saysTenBytes.length).readString())
                .isInstanceOf(EOFException.class);
        byte[] negative = {1};
        assertThatThrownBy(() -> new SlicingDecoder(negative, 0, negative.length).readBytes(null))
                .isInstanceOf(AvroRuntimeException.class);
    }
}
