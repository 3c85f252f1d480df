package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.RejectedChunk;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.Json;
import io.sluice.projections.UploadChunksView;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code GET /v1/uploads/{id}}: {@code {uploadId, state, fileName, contentType, size,
 * chunkSize, chunkCount, received[], receivedCount, stored[], storedCount, missing[], missingCount,
 * missingRanges[], missingNext?, bytesHashed, expiresAt, rejected[], error?, sha256?, assetId?}}.
 * States and codes are lower case, times ISO-8601.
 *
 * <p>The body stays far below 64 KiB whatever the chunk count: each index list holds at most
 * {@value #MAX_INDEXES} indexes and {@code missingRanges} at most {@value #MAX_RANGES} runs
 * {@code [first, last]}, with the full counts beside them. {@code missing} and {@code missingRanges}
 * start at {@code ?missingFrom=} (0 by default); when they were cut, {@code missingNext} is the
 * index to ask from next, so a client pages through every missing index.
 */
public final class StatusJson {

    static final int MAX_INDEXES = 1000;
    static final int MAX_RANGES = 500;

    private StatusJson() {}

    /**
     * @param chunks which chunks are received and stored (the chunk progress view)
     * @param missingFrom the lowest index the missing lists start at
     */
    public static ObjectNode of(UploadStatus status, UploadChunksView.ChunkSets chunks, int missingFrom) {
        int chunkCount = status.getChunkCount();
        ChunkBits received = ChunkBits.of(chunks.received(), chunkCount);
        ChunkBits stored = ChunkBits.of(chunks.stored(), chunkCount);
        ObjectNode body = Json.object()
                .put("uploadId", status.getUploadId())
                .put("state", status.getState().name().toLowerCase(Locale.ROOT))
                .put("fileName", status.getFileName())
                .put("contentType", status.getContentType())
                .put("size", status.getSize())
                .put("chunkSize", status.getChunkSize())
                .put("chunkCount", chunkCount);
        indexes(body.putArray("received"), received.present(0, MAX_INDEXES));
        body.put("receivedCount", received.presentCount());
        indexes(body.putArray("stored"), stored.present(0, MAX_INDEXES));
        body.put("storedCount", stored.presentCount());
        List<Integer> missing = received.absent(missingFrom, MAX_INDEXES + 1);
        indexes(body.putArray("missing"), missing.subList(0, Math.min(missing.size(), MAX_INDEXES)));
        body.put("missingCount", received.absentCount());
        List<int[]> ranges = received.absentRanges(missingFrom, MAX_RANGES + 1);
        ArrayNode rangesJson = body.putArray("missingRanges");
        ranges.subList(0, Math.min(ranges.size(), MAX_RANGES)).forEach(r -> rangesJson.addArray().add(r[0]).add(r[1]));
        if (missing.size() > MAX_INDEXES) body.put("missingNext", missing.get(MAX_INDEXES));
        body.put("bytesHashed", status.getBytesHashed());
        body.put("expiresAt", status.getExpiresAt().toString());
        ArrayNode rejected = body.putArray("rejected");
        for (RejectedChunk chunk : status.getRejectedChunks()) {
            ObjectNode item = rejected.addObject()
                    .put("index", chunk.getIndex())
                    .put("code", chunk.getReason().name().toLowerCase(Locale.ROOT));
            if (chunk.getDetail() != null) item.put("detail", chunk.getDetail());
            if (chunk.getSha256() != null) item.put("sha256", chunk.getSha256());
            item.put("rejectedAt", chunk.getRejectedAt().toString());
        }
        if (status.getError() != null) {
            ObjectNode error = body.putObject("error")
                    .put("code", OutcomeProblems.code(status.getError().getReason()));
            if (status.getError().getExpected() != null) error.put("expected", status.getError().getExpected());
            if (status.getError().getActual() != null) error.put("actual", status.getError().getActual());
        }
        if (status.getSha256() != null) body.put("sha256", status.getSha256());
        if (status.getAssetId() != null) body.put("assetId", status.getAssetId());
        return body;
    }

    private static void indexes(ArrayNode array, List<Integer> indexes) {
        indexes.forEach(array::add);
    }
}
