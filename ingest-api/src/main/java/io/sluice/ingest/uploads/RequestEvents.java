package io.sluice.ingest.uploads;

import io.sluice.events.AbortRequested;
import io.sluice.events.ChunkReceived;
import io.sluice.events.DerivativeLink;
import io.sluice.events.FinishRequested;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.upload.ChunkGrid;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

/**
 * The request events the API publishes. Each gets a fresh event id, which is also how the API
 * finds the session processor's answer to it ({@code RequestOutcome.requestId} in the status).
 * Times are whole milliseconds, as the events store them.
 */
public final class RequestEvents {

    private RequestEvents() {}

    public static UploadRequest opened(String eventId, String uploadId, String tenant, Instant now,
            CreateUploadBody body, Duration idleTtl) {
        ChunkGrid shape = body.shape();
        CreateUploadBody.Derivative derivative = body.derivativeOf();
        return new UploadRequest(UploadOpened.newBuilder()
                .setEventId(eventId).setUploadId(uploadId).setTenant(tenant).setTimestamp(now)
                .setFileName(body.fileName()).setContentType(body.contentType())
                .setSize(shape.size()).setChunkSize(shape.chunkSize()).setChunkCount(shape.chunkCount())
                .setSha256(body.sha256()).setIdempotencyKey(body.idempotencyKey())
                .setDerivativeOf(derivative == null ? null : new DerivativeLink(derivative.assetId(), derivative.role()))
                .setMetadata(body.metadata())
                .setIdleTtlMillis(idleTtl.toMillis())
                .setExpiresAt(now.plus(idleTtl))
                .build());
    }

    /** The chunk's bytes are wrapped, not copied: the serializer copies them once, into the record. */
    public static UploadRequest chunk(String eventId, String uploadId, String tenant, Instant now, int index,
            byte[] bytes, String sha256Hex) {
        return new UploadRequest(ChunkReceived.newBuilder()
                .setEventId(eventId).setUploadId(uploadId).setTenant(tenant).setTimestamp(now)
                .setIndex(index).setLength(bytes.length).setSha256(sha256Hex).setBytes(ByteBuffer.wrap(bytes))
                .build());
    }

    public static UploadRequest finish(String eventId, String uploadId, String tenant, Instant now, long size,
            String sha256Hex) {
        return new UploadRequest(FinishRequested.newBuilder()
                .setEventId(eventId).setUploadId(uploadId).setTenant(tenant).setTimestamp(now)
                .setSize(size).setSha256(sha256Hex).build());
    }

    public static UploadRequest abort(String eventId, String uploadId, String tenant, Instant now) {
        return new UploadRequest(AbortRequested.newBuilder()
                .setEventId(eventId).setUploadId(uploadId).setTenant(tenant).setTimestamp(now).build());
    }
}
