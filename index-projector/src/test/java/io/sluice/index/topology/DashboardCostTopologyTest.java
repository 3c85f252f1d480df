package io.sluice.index.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.keys.UploadIds;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What the dashboard projections cost Kafka, per upload and per chunk: records and bytes written to
 * each topic (the three dashboard topics, the stores' changelogs, the repartition topic) for one
 * upload of 10 chunks and one of 1,000. A chunk must cost a bounded number of small records,
 * whatever the chunk count (contract I10); the figures are printed for docs/benchmarks.md.
 */
class DashboardCostTopologyTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");
    private static final int CHUNK = 65_536;

    @Test
    void aChunkCostsTheSameFewSmallRecordsWhateverTheChunkCount() throws Exception {
        Map<String, long[]> ten = costOfAFinishedUpload(10);
        Map<String, long[]> thousand = costOfAFinishedUpload(1_000);

        Map<String, long[]> perChunk = new TreeMap<>();
        thousand.forEach((topic, counts) -> {
            long[] small = ten.getOrDefault(topic, new long[2]);
            perChunk.put(topic, new long[] {(counts[0] - small[0]) / 990, (counts[1] - small[1]) / 990});
        });
        System.out.println("Dashboard cost, topic: records/bytes per 10-chunk upload; per further chunk");
        ten.forEach((topic, counts) -> System.out.printf("  %-75s %3d / %6d; %d / %d%n", topic, counts[0], counts[1],
                perChunk.get(topic)[0], perChunk.get(topic)[1]));

        long recordsPerChunk = perChunk.values().stream().mapToLong(c -> c[0]).sum();
        long bytesPerChunk = perChunk.values().stream().mapToLong(c -> c[1]).sum();
        assertThat(recordsPerChunk).as("records per accepted chunk, all topics").isLessThanOrEqualTo(4);
        assertThat(bytesPerChunk).as("bytes per accepted chunk, all topics").isLessThan(1_000);
        assertThat(perChunk).as("chunks never touch the counts or the recent list").allSatisfy((topic, counts) -> {
            if (topic.contains("upload-states") || topic.contains("recent") || topic.contains("state-counts")
                    || topic.contains("counted-states")) {
                assertThat(counts[0]).as(topic).isZero();
            }
        });
    }

    /** Records and bytes per topic for one upload of {@code chunks} chunks, opened, sent, verified and finished. */
    private static Map<String, long[]> costOfAFinishedUpload(int chunks) throws Exception {
        try (IndexProjectorDriver driver = new IndexProjectorDriver()) {
            UploadStory story = new UploadStory(driver, "acme", UploadIds.newUploadId(), (long) chunks * CHUNK, AT);
            story.open();
            for (int i = 0; i < chunks; i++) story.chunk(i, CHUNK, false);
            driver.decided(story.verified(), story.uploadId, AT);
            driver.announced(story.finished());
            Map<String, long[]> written = driver.written();
            written.keySet().removeIf(topic -> topic.startsWith("sluice.upload-decisions")
                    || topic.startsWith("sluice.uploads-finished")); // the inputs this test wrote
            return written;
        }
    }
}
