package io.sluice.ingest.uploads;

import io.sluice.ingest.validation.ChunkBodyLength;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one chunk's body into one array of exactly the chunk's length: never more than one chunk is
 * buffered (contract I7), and a body that runs past the length is refused after one extra byte, not
 * read to its end.
 */
public final class ChunkBody {

    private ChunkBody() {}

    public static byte[] read(InputStream body, int expectedLength) throws IOException {
        byte[] bytes = new byte[expectedLength];
        int read = body.readNBytes(bytes, 0, expectedLength);
        if (read < expectedLength) throw ChunkBodyLength.tooShort(expectedLength, read);
        if (body.read() != -1) throw ChunkBodyLength.tooLong(expectedLength);
        return bytes;
    }
}
