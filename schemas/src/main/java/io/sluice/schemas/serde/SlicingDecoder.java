package io.sluice.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro's binary encoding read from one array, with every {@code bytes} value a view of that
 * array instead of a copy. Written here because Avro's decoders copy each {@code bytes} value
 * into a new array, and a request record's bytes are a whole chunk (up to 16 MiB): a consumer that
 * decodes it held the chunk twice, the record's and the copy.
 *
 * <p>Every length and count a record states is checked against the bytes that remain before
 * anything is read or allocated: a string, a {@code bytes} value or a fixed cannot be longer than
 * what is left, and a block of array items or map entries cannot hold more items than bytes left
 * (every item of Sluice's schemas takes at least one byte). A record that states more fails as
 * malformed instead of making the reader allocate for it.
 */
final class SlicingDecoder extends Decoder {

    private final byte[] data;
    private final int limit;
    private int position;

    SlicingDecoder(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Whether every byte was read: anything after the body is malformed. */
    boolean isEnd() {
        return position == limit;
    }

    @Override
    public void readNull() {}

    @Override
    public boolean readBoolean() throws IOException {
        int b = nextByte();
        if (b > 1) throw new AvroRuntimeException("a boolean byte is 0 or 1, not " + b);
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readLong();
        if (value != (int) value) throw new AvroRuntimeException("int out of range: " + value);
        return (int) value;
    }

    /** A zig-zag variable-length long of at most ten bytes. */
    @Override
    public long readLong() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = nextByte();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return (raw >>> 1) ^ -(raw & 1);
        }
        throw new AvroRuntimeException("a variable-length long longer than ten bytes");
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat((int) littleEndian(4));
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(littleEndian(8));
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length();
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(data, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = length();
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    @Override
    public void skipString() throws IOException {
        position += length();
    }

    /**
     * A view of the record's array, not a copy: its {@code arrayOffset()} is where the value starts.
     * Writable, as Avro's own decoders' values are, so that readers reach the array; no reader writes.
     */
    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length();
        ByteBuffer view = ByteBuffer.wrap(data, position, length).slice();
        position += length;
        return view;
    }

    @Override
    public void skipBytes() throws IOException {
        position += length();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(data, position, bytes, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return blockCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return blockCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipSizedBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return blockCount();
    }

    @Override
    public long mapNext() throws IOException {
        return blockCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipSizedBlocks();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /**
     * The number of items in the next block; a negative count is followed by the block's size in
     * bytes, which a reader of every item does not need.
     */
    private long blockCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) throw new AvroRuntimeException("a block count out of range");
            count = -count;
            readLong();
        }
        return fitting(count);
    }

    /** Skips the blocks whose size is stated; the count of the first block whose size is not, or 0 at the end. */
    private long skipSizedBlocks() throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) return fitting(count);
            long size = readLong();
            if (size < 0 || size > limit - position) throw new EOFException("a block of " + size + " bytes");
            position += (int) size;
        }
    }

    /** A block's item count, refused when its items cannot fit the bytes left (each takes a byte at least). */
    private long fitting(long count) {
        if (count > limit - position) {
            throw new AvroRuntimeException("a block of " + count + " items in " + (limit - position) + " bytes");
        }
        return count;
    }

    /** A stated length, no longer than what is left. */
    private int length() throws IOException {
        long length = readLong();
        if (length < 0) throw new AvroRuntimeException("a negative length: " + length);
        if (length > limit - position) throw new EOFException("a length of " + length + " with " + (limit - position) + " bytes left");
        return (int) length;
    }

    private void require(int length) throws IOException {
        if (length < 0 || length > limit - position) throw new EOFException("need " + length + " bytes");
    }

    private int nextByte() throws IOException {
        if (position >= limit) throw new EOFException("the body ends early");
        return data[position++] & 0xff;
    }

    private long littleEndian(int bytes) throws IOException {
        require(bytes);
        long value = 0;
        for (int i = 0; i < bytes; i++) value |= (long) (data[position + i] & 0xff) << (8 * i);
        position += bytes;
        return value;
    }
}
