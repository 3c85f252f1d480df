package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.keys.UploadIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Contract I10: one chunk event costs the session processor a bounded number of bytes, whatever the
 * upload's chunk count. Measured where the cost shows — the bytes written to the changelog topics
 * (every byte the stores write is replicated there and restored from there) and to the status
 * topic — for uploads of 10, 10,000 and 100,000 chunks: a few chunks in order (hashed at once),
 * one ahead of the frontier (parked), and the blob writer's reports of them.
 */
class ChangelogBytesPerEventTopologyTest {

    private static final int CHUNK = 16;
    private static final int CHUNKS_SENT = 8;

    @Test
    void shouldWriteAboutTheSameBytesPerChunkEventForTenOrAHundredThousandChunks() throws Exception {
        Map<Integer, long[]> perEvent = new LinkedHashMap<>();
        for (int chunkCount : new int[] {10, 10_000, 100_000}) perEvent.put(chunkCount, bytesPerEvent(chunkCount));

        long[] small = perEvent.get(10);
        for (Map.Entry<Integer, long[]> measured : perEvent.entrySet()) {
            long[] bytes = measured.getValue();
            assertThat(bytes[0]).as("changelog bytes per chunk event, %,d chunks (10 chunks: %,d)",
                    measured.getKey(), small[0]).isBetween(small[0] / 2, small[0] * 2);
            assertThat(bytes[1]).as("status bytes per chunk event, %,d chunks (10 chunks: %,d)",
                    measured.getKey(), small[1]).isBetween(small[1] / 2, small[1] * 2);
        }
    }

    /** Changelog and status bytes per chunk event (chunks received, then their stored reports). */
    private static long[] bytesPerEvent(int chunkCount) throws Exception {
        try (SessionProcessorDriver d = new SessionProcessorDriver(Long.MAX_VALUE)) {
            String upload = UploadIds.newUploadId();
            d.open(upload, (long) chunkCount * CHUNK, CHUNK);
            d.changelogBytes();
            d.statusBytes();
            Random random = new Random(chunkCount);
            int events = 0;
            for (int index : new int[] {0, 1, 2, 3, 4, 5, 6, 8}) { // 8 is parked: 7 has not come
                byte[] bytes = new byte[CHUNK];
                random.nextBytes(bytes);
                d.sendChunk(upload, index, bytes);
                d.reportStored(upload, index, bytes);
                events += 2;
            }
            assertThat(events).isEqualTo(2 * CHUNKS_SENT);
            return new long[] {d.changelogBytes() / events, d.statusBytes() / events};
        }
    }
}
