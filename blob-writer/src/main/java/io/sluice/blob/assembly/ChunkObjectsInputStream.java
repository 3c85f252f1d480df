package io.sluice.blob.assembly;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The bytes of an upload's chunk objects, one after the other, read through one GET at a time: a
 * chunk's GET opens when the previous one is read to its end, so only a socket buffer of the file is
 * in memory at any moment.
 */
final class ChunkObjectsInputStream extends InputStream {

    private final MinioClient client;
    private final String bucket;
    private final Iterator<StoredChunk> remaining;
    private InputStream current;

    ChunkObjectsInputStream(MinioClient client, String bucket, List<StoredChunk> chunks) {
        this.client = client;
        this.bucket = bucket;
        this.remaining = chunks.iterator();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) return 0;
        while (true) {
            if (current == null) {
                if (!remaining.hasNext()) return -1;
                current = open(remaining.next());
            }
            int n = current.read(buffer, offset, length);
            if (n >= 0) return n;
            current.close();
            current = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private InputStream open(StoredChunk chunk) throws IOException {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(chunk.chunk().getObjectKey()).build());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot read chunk object " + chunk.chunk().getObjectKey(), e);
        }
    }
}
