package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/uploads/{id}}: where an upload stands. {@code missingRanges} holds runs
 * {@code [first, last]} of chunks not received, from the index asked for; {@code missingNext} (or -1)
 * is where to ask from for more.
 *
 * @param json the whole answer
 */
public record UploadStatus(String uploadId, String state, String fileName, long size, int chunkSize, int chunkCount,
        int receivedCount, int storedCount, int missingCount, List<int[]> missingRanges, int missingNext,
        long bytesHashed, String sha256, String assetId, JsonNode json) {

    public boolean isOpen() {
        return state.equals("open");
    }

    public boolean isFinished() {
        return state.equals("finished");
    }

    /** Ended without an asset: aborted, failed or expired. */
    public boolean isGone() {
        return state.equals("aborted") || state.equals("failed") || state.equals("expired");
    }

    static UploadStatus of(JsonNode json) {
        List<int[]> ranges = new ArrayList<>();
        json.path("missingRanges").forEach(range -> ranges.add(new int[] {range.get(0).asInt(), range.get(1).asInt()}));
        return new UploadStatus(json.path("uploadId").asText(), json.path("state").asText(),
                json.path("fileName").asText(), json.path("size").asLong(), json.path("chunkSize").asInt(),
                json.path("chunkCount").asInt(), json.path("receivedCount").asInt(), json.path("storedCount").asInt(),
                json.path("missingCount").asInt(), List.copyOf(ranges), json.path("missingNext").asInt(-1),
                json.path("bytesHashed").asLong(), text(json, "sha256"), text(json, "assetId"), json);
    }

    private static String text(JsonNode json, String member) {
        return json.hasNonNull(member) ? json.get(member).asText() : null;
    }
}
