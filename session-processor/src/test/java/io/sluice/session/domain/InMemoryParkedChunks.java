package io.sluice.session.domain;

import java.util.HashMap;
import java.util.Map;

/** {@link ParkedChunks} in a map, for domain tests. */
final class InMemoryParkedChunks implements ParkedChunks {

    final Map<String, byte[]> chunks = new HashMap<>();

    @Override
    public void park(String uploadId, int index, byte[] bytes) {
        chunks.put(uploadId + "/" + index, bytes);
    }

    @Override
    public byte[] take(String uploadId, int index) {
        byte[] bytes = chunks.remove(uploadId + "/" + index);
        if (bytes == null) throw new IllegalStateException("chunk " + index + " is not parked");
        return bytes;
    }

    @Override
    public void discard(String uploadId, int index) {
        chunks.remove(uploadId + "/" + index);
    }
}
