package io.sluice.blob.consume;

import io.sluice.schemas.serde.UndecodableRecordException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes with the topic's deserializer, turning a poison record ({@link UndecodableRecordException})
 * into {@link Decoded.Undecodable} instead of an exception out of {@code poll()}. Any other failure
 * (the registry cannot be reached) still throws: the record is fine and must be read again later.
 *
 * <p>Delegates the {@link ByteBuffer} variant, so a chunk is decoded straight from the consumer's
 * fetch buffer: the one copy of its bytes in the heap is the decoded event's.
 */
public final class PoisonAwareDeserializer<V> implements Deserializer<Decoded<V>> {

    private final Deserializer<V> delegate;

    public PoisonAwareDeserializer(Deserializer<V> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Decoded<V> deserialize(String topic, byte[] data) {
        if (data == null) return null;
        try {
            return new Decoded.Event<>(delegate.deserialize(topic, data));
        } catch (UndecodableRecordException e) {
            return new Decoded.Undecodable<>(data, e);
        }
    }

    @Override
    public Decoded<V> deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public Decoded<V> deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) return null;
        ByteBuffer untouched = data.duplicate();
        try {
            return new Decoded.Event<>(delegate.deserialize(topic, headers, data));
        } catch (UndecodableRecordException e) {
            byte[] raw = new byte[untouched.remaining()];
            untouched.get(raw);
            return new Decoded.Undecodable<>(raw, e);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
