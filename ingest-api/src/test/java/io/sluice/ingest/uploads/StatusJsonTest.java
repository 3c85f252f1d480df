package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.FailureReason;
import io.sluice.events.RejectedChunk;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.Samples;
import io.sluice.projections.UploadChunksView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

    private static final UploadChunksView.ChunkSets NONE = chunks(new BitSet(), new BitSet());

    private static UploadChunksView.ChunkSets chunks(BitSet received, BitSet stored) {
        return new UploadChunksView.ChunkSets(received, stored);
    }


    @Test
    void shouldRenderChunksProgressAndRejections() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4).setBytesHashed(4)
                .setRejectedChunks(List.of(new RejectedChunk(1, RejectionReason.CHUNK_CONFLICT, "different bytes",
                        "ab".repeat(32), Samples.NOW)))
                .build(), chunks(Samples.bits(0, 2), Samples.bits(0)), 0);

        assertThat(json.get("uploadId").asText()).isEqualTo("up_1");
        assertThat(json.get("state").asText()).isEqualTo("open");
        assertThat(json.get("chunkCount").asInt()).isEqualTo(3);
        assertThat(json.get("received").toString()).isEqualTo("[0,2]");
        assertThat(json.get("stored").toString()).isEqualTo("[0]");
        assertThat(json.get("missing").toString()).isEqualTo("[1]");
        assertThat(json.get("bytesHashed").asLong()).isEqualTo(4);
        assertThat(json.get("expiresAt").asText()).isEqualTo("2025-01-03T03:04:05.678Z");
        assertThat(json.get("rejected").get(0).get("code").asText()).isEqualTo("chunk_conflict");
        assertThat(json.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(json.has("error")).isFalse();
        assertThat(json.has("assetId")).isFalse();
        assertThat(json.has("tenant")).as("the tenant is the caller's own; not echoed").isFalse();
    }

    @Test
    void shouldStayUnder64KiBForTheWorstChunkPatternAndStillPageThroughEveryMissingIndex() {
        int chunkCount = 100_000;
        BitSet everyOther = new BitSet(chunkCount);
        for (int i = 0; i < chunkCount; i += 2) everyOther.set(i);
        UploadStatus status = Samples.status("up_1", "acme", (long) chunkCount * 65536, 65536)
                .setFileName("é".repeat(127) + ".b")
                .setRejectedChunks(Collections.nCopies(50, new RejectedChunk(1, RejectionReason.CHUNK_SIZE_MISMATCH,
                        "chunk 99999 must be exactly 65536 bytes, was 16777216", "ab".repeat(32), Samples.NOW)))
                .build();

        List<Integer> missing = new ArrayList<>();
        Integer from = 0;
        int pages = 0;
        while (from != null) {
            ObjectNode page = StatusJson.of(status, chunks(everyOther, everyOther), from);
            assertThat(page.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(64 * 1024);
            assertThat(page.get("missingCount").asInt()).isEqualTo(50_000);
            assertThat(page.get("receivedCount").asInt()).isEqualTo(50_000);
            assertThat(page.get("storedCount").asInt()).isEqualTo(50_000);
            page.get("missing").forEach(index -> missing.add(index.asInt()));
            from = page.has("missingNext") ? page.get("missingNext").asInt() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(50);
        assertThat(missing).hasSize(50_000).isSorted().allMatch(index -> index % 2 == 1);
    }

    @Test
    void shouldListMissingIndexesAsRangesFromTheAskedIndex() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10 * 4, 4).build(),
                chunks(Samples.bits(0, 1, 5), Samples.bits()), 3);
        assertThat(json.get("missing").toString()).isEqualTo("[3,4,6,7,8,9]");
        assertThat(json.get("missingRanges").toString()).isEqualTo("[[3,4],[6,9]]");
        assertThat(json.get("missingCount").asInt()).isEqualTo(7);
        assertThat(json.has("missingNext")).isFalse();
    }

    @Test
    void shouldRenderTheErrorOfAFailedUpload() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4).setState(UploadState.FAILED)
                .setError(new UploadError(FailureReason.CHECKSUM_MISMATCH, "aa", "bb")).build(), NONE, 0);

        assertThat(json.get("state").asText()).isEqualTo("failed");
        assertThat(json.get("error").toString()).isEqualTo("{\"code\":\"checksum_mismatch\",\"expected\":\"aa\",\"actual\":\"bb\"}");
    }

    @Test
    void shouldRenderTheAssetOfAFinishedUpload() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4).setState(UploadState.FINISHED)
                .setAssetId("as_1").setSha256("cd".repeat(32)).build(), NONE, 0);
        assertThat(json.get("state").asText()).isEqualTo("finished");
        assertThat(json.get("assetId").asText()).isEqualTo("as_1");
        assertThat(json.get("sha256").asText()).isEqualTo("cd".repeat(32));
    }
}
