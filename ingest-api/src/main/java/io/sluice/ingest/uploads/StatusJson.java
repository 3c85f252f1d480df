package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.RejectedChunk;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.Json;
import java.util.List;
import java.util.Locale;

/**
 * The body of {@code GET /v1/uploads/{id}}: {@code {uploadId, state, fileName, contentType, size,
 * chunkSize, chunkCount, received[], stored[], missing[], bytesHashed, expiresAt, rejected[],
 * error?, sha256?, assetId?}}. States and codes are lower case, times ISO-8601.
 */
public final class StatusJson {

    private StatusJson() {}

    public static ObjectNode of(UploadStatus status) {
        int chunkCount = status.getChunkCount();
        ChunkBits received = ChunkBits.of(status.getReceived(), chunkCount);
        ObjectNode body = Json.object()
                .put("uploadId", status.getUploadId())
                .put("state", status.getState().name().toLowerCase(Locale.ROOT))
                .put("fileName", status.getFileName())
                .put("contentType", status.getContentType())
                .put("size", status.getSize())
                .put("chunkSize", status.getChunkSize())
                .put("chunkCount", chunkCount);
        indexes(body.putArray("received"), received.present());
        indexes(body.putArray("stored"), ChunkBits.of(status.getStored(), chunkCount).present());
        indexes(body.putArray("missing"), received.absent());
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
