package io.sluice.client;

import java.util.Map;

/**
 * What {@code POST /v1/uploads} is asked for.
 *
 * @param chunkSize 0 for the server's default
 * @param sha256 the whole file's SHA-256 if known up front (lower-case hex), or null
 * @param idempotencyKey or null
 */
public record NewUpload(String fileName, String contentType, long size, int chunkSize, String sha256,
        String idempotencyKey, Map<String, String> metadata) {

    public NewUpload {
        metadata = Map.copyOf(metadata);
    }

    public static NewUpload of(String fileName, String contentType, long size, int chunkSize) {
        return new NewUpload(fileName, contentType, size, chunkSize, null, null, Map.of());
    }
}
