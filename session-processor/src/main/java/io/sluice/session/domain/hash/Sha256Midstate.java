package io.sluice.session.domain.hash;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A SHA-256 computation paused between two inputs: the eight chaining words, the number of bytes
 * hashed so far, and the bytes of the block not yet compressed ({@code byteCount % 64} of them).
 * This is all FIPS 180-4 needs to go on, whichever implementation hashed the bytes before, so the
 * state store keeps this form and not any library's own.
 *
 * <p>Encoded as: format byte {@value #FORMAT}, the eight words (big-endian), the byte count
 * (8 bytes, big-endian), then the pending bytes.
 */
public record Sha256Midstate(int[] words, long byteCount, byte[] pendingBytes) {

    static final int BLOCK_BYTES = 64;
    private static final byte FORMAT = 1;
    private static final int HEADER_BYTES = 1 + 8 * Integer.BYTES + Long.BYTES;
    private static final int[] INITIAL_WORDS = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    public Sha256Midstate {
        if (words.length != 8) throw new IllegalArgumentException("SHA-256 has 8 chaining words");
        if (byteCount < 0 || pendingBytes.length != byteCount % BLOCK_BYTES) {
            throw new IllegalArgumentException("pending bytes must be byteCount % 64");
        }
        words = words.clone();
        pendingBytes = pendingBytes.clone();
    }

    /** Nothing hashed yet. */
    public static Sha256Midstate initial() {
        return new Sha256Midstate(INITIAL_WORDS, 0, new byte[0]);
    }

    @Override
    public int[] words() {
        return words.clone();
    }

    @Override
    public byte[] pendingBytes() {
        return pendingBytes.clone();
    }

    public byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + pendingBytes.length);
        out.put(FORMAT);
        for (int word : words) out.putInt(word);
        out.putLong(byteCount);
        out.put(pendingBytes);
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not an encoded midstate */
    public static Sha256Midstate decode(byte[] encoded) {
        if (encoded.length < HEADER_BYTES || encoded[0] != FORMAT) {
            throw new IllegalArgumentException("not an encoded SHA-256 midstate (format " + FORMAT + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(encoded);
        in.get();
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) words[i] = in.getInt();
        long byteCount = in.getLong();
        byte[] pending = new byte[in.remaining()];
        in.get(pending);
        return new Sha256Midstate(words, byteCount, pending);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sha256Midstate that && byteCount == that.byteCount
                && Arrays.equals(words, that.words) && Arrays.equals(pendingBytes, that.pendingBytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + Long.hashCode(byteCount);
    }

    @Override
    public String toString() {
        return "Sha256Midstate[" + byteCount + " bytes]";
    }
}
