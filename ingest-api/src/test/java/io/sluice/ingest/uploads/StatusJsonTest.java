package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.FailureReason;
import io.sluice.events.RejectedChunk;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.ingest.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

    @Test
    void shouldRenderChunksProgressAndRejections() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4)
                .setReceived(Samples.bits(0, 2)).setStored(Samples.bits(0)).setBytesHashed(4)
                .setRejectedChunks(List.of(new RejectedChunk(1, RejectionReason.CHUNK_CONFLICT, "different bytes",
                        "ab".repeat(32), Samples.NOW)))
                .build());

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
    void shouldRenderTheErrorOfAFailedUpload() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4).setState(UploadState.FAILED)
                .setError(new UploadError(FailureReason.CHECKSUM_MISMATCH, "aa", "bb")).build());

        assertThat(json.get("state").asText()).isEqualTo("failed");
        assertThat(json.get("error").toString()).isEqualTo("{\"code\":\"checksum_mismatch\",\"expected\":\"aa\",\"actual\":\"bb\"}");
    }

    @Test
    void shouldRenderTheAssetOfAFinishedUpload() {
        ObjectNode json = StatusJson.of(Samples.status("up_1", "acme", 10, 4).setState(UploadState.FINISHED)
                .setAssetId("as_1").setSha256("cd".repeat(32)).build());
        assertThat(json.get("state").asText()).isEqualTo("finished");
        assertThat(json.get("assetId").asText()).isEqualTo("as_1");
        assertThat(json.get("sha256").asText()).isEqualTo("cd".repeat(32));
    }
}
