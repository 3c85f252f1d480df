package io.sluice.schemas.serde;

import io.sluice.schemas.serde.UndecodableRecordException.Problem;

/**
 * The Confluent wire format: byte 0 is the magic byte 0, bytes 1–4 the schema id (big-endian),
 * then the Avro binary encoding of the datum. Any Confluent-compatible client can read it given the
 * registry.
 */
public final class ConfluentWireFormat {
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus schema id. */
    public static final int HEADER_BYTES = 5;

    private ConfluentWireFormat() {}

    /** Writes the header for {@code schemaId} into {@code target[0..5)}. */
    public static void writeHeader(byte[] target, int schemaId) {
        target[0] = MAGIC_BYTE;
        target[1] = (byte) (schemaId >>> 24);
        target[2] = (byte) (schemaId >>> 16);
        target[3] = (byte) (schemaId >>> 8);
        target[4] = (byte) schemaId;
    }

    /**
     * Reads the schema id from the header at {@code data[offset..offset+5)}.
     *
     * @throws UndecodableRecordException when fewer than 5 bytes are there or the magic byte is wrong
     */
    public static int readSchemaId(byte[] data, int offset, int length) {
        if (length < HEADER_BYTES) {
            throw new UndecodableRecordException(Problem.TOO_SHORT, -1,
                    "record of " + length + " bytes is shorter than the 5-byte wire-format header");
        }
        if (data[offset] != MAGIC_BYTE) {
            throw new UndecodableRecordException(Problem.WRONG_MAGIC_BYTE, -1,
                    "first byte is " + (data[offset] & 0xff) + ", expected the magic byte 0");
        }
        return ((data[offset + 1] & 0xff) << 24)
                | ((data[offset + 2] & 0xff) << 16)
                | ((data[offset + 3] & 0xff) << 8)
                | (data[offset + 4] & 0xff);
    }
}
