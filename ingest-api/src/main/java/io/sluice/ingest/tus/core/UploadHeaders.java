package io.sluice.ingest.tus.core;

import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.HttpDate;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.concatenation.UploadConcat;
import io.sluice.ingest.tus.creation.TusMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers that describe a tus upload in a HEAD answer (and, in part, in other answers). */
public final class UploadHeaders {

    private UploadHeaders() {}

    public static Map<String, String> of(UploadStatus status, long offset) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TusProtocol.UPLOAD_OFFSET, Long.toString(offset));
        headers.put(TusProtocol.UPLOAD_LENGTH, Long.toString(status.getSize()));
        headers.put(TusProtocol.SLUICE_CHUNK_SIZE, Integer.toString(status.getChunkSize()));
        headers.put("Cache-Control", "no-store");
        String metadata = TusMetadata.header(status.getMetadata());
        if (!metadata.isEmpty()) headers.put(TusProtocol.UPLOAD_METADATA, metadata);
        UploadConcat.headerOf(status.getMetadata()).ifPresent(concat -> headers.put(TusProtocol.UPLOAD_CONCAT, concat));
        if (status.getState() == UploadState.OPEN) headers.putAll(expires(status.getExpiresAt()));
        if (status.getAssetId() != null) headers.putAll(asset(status.getAssetId()));
        return headers;
    }

    /** tus expiration: when an unfinished upload will be gone if nothing more arrives. */
    public static Map<String, String> expires(Instant expiresAt) {
        return Map.of(TusProtocol.UPLOAD_EXPIRES, HttpDate.of(expiresAt));
    }

    public static Map<String, String> asset(String assetId) {
        return Map.of(TusProtocol.SLUICE_ASSET, "/v1/assets/" + assetId);
    }
}
