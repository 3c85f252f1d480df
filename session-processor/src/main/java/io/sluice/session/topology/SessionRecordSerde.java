package io.sluice.session.topology;

import io.sluice.events.RejectedChunk;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadOpened;
import io.sluice.session.domain.Failure;
import io.sluice.session.domain.FailureReason;
import io.sluice.session.domain.SessionData;
import io.sluice.session.domain.UploadState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary form of a {@link SessionRecord} in the state store and its changelog. Internal state, not
 * an event, so it is not registered: a leading format version lets a later release read it. Avro
 * records inside are written with their compiled schema.
 */
final class SessionRecordSerde implements Serde<SessionRecord> {

    /** Format 1 held every chunk's digests in the record; format 2 holds counts (chunks: {@link ChunkEntryStore}). */
    private static final byte FORMAT_V2 = 2;

    static {
        io.sluice.schemas.serde.EventClassTrust.trustEventClasses();
    }

    @Override
    public Serializer<SessionRecord> serializer() {
        return (topic, record) -> record == null ? null : write(record);
    }

    @Override
    public Deserializer<SessionRecord> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(SessionRecord record) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeByte(FORMAT_V2);
            writeAvro(out, record.opened);
            SessionData d = record.data;
            out.writeByte(d.state().ordinal());
            out.writeInt(d.receivedCount());
            out.writeInt(d.storedCount());
            out.writeInt(d.hashFrontier());
            out.writeLong(d.bytesHashed());
            writeBytes(out, d.hashState());
            out.writeLong(d.parkedBytes());
            writeBytes(out, d.finishSha256());
            out.writeBoolean(d.verified());
            writeString(out, d.assetId());
            writeFailure(out, d.failure());
            out.writeLong(d.createdAtMillis());
            out.writeLong(d.lastActivityMillis());
            out.writeLong(d.endedAtMillis());
            out.writeInt(record.rejectedChunks.size());
            for (RejectedChunk rejected : record.rejectedChunks) writeAvro(out, rejected);
            out.writeInt(record.outcomes.size());
            for (RequestOutcome outcome : record.outcomes) writeAvro(out, outcome);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionRecord read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT_V2) {
                throw new IllegalStateException("unknown session record format " + format
                        + " (format 1 is from before per-chunk entries: rebuild the state from the topics)");
            }
            UploadOpened opened = readAvro(in, UploadOpened.class);
            UploadState state = UploadState.values()[in.readByte()];
            SessionData data = new SessionData(state, in.readInt(), in.readInt(), in.readInt(), in.readLong(), readBytes(in),
                    in.readLong(), readBytes(in), in.readBoolean(), readString(in), readFailure(in), in.readLong(),
                    in.readLong(), in.readLong());
            Deque<RejectedChunk> rejected = new ArrayDeque<>();
            for (int n = in.readInt(); n > 0; n--) rejected.addLast(readAvro(in, RejectedChunk.class));
            Deque<RequestOutcome> outcomes = new ArrayDeque<>();
            for (int n = in.readInt(); n > 0; n--) outcomes.addLast(readAvro(in, RequestOutcome.class));
            return new SessionRecord(opened, data, rejected, outcomes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFailure(DataOutputStream out, Failure failure) throws IOException {
        writeString(out, failure == null ? null : failure.reason().name());
        if (failure != null) {
            writeString(out, failure.expected());
            writeString(out, failure.actual());
        }
    }

    private static Failure readFailure(DataInputStream in) throws IOException {
        String reason = readString(in);
        return reason == null ? null : new Failure(FailureReason.valueOf(reason), readString(in), readString(in));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) return null;
        return in.readNBytes(length);
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeUTF(value);
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static <T extends SpecificRecord> void writeAvro(DataOutputStream out, T record) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        @SuppressWarnings("unchecked")
        SpecificDatumWriter<T> writer = new SpecificDatumWriter<>((Class<T>) record.getClass());
        writer.write(record, encoder);
        encoder.flush();
        writeBytes(out, buffer.toByteArray());
    }

    private static <T extends SpecificRecord> T readAvro(DataInputStream in, Class<T> type) throws IOException {
        byte[] bytes = readBytes(in);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        return new SpecificDatumReader<>(type).read(null, decoder);
    }
}
