package io.sluice.blob.events;

import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.UploadVerified;
import java.time.Instant;

/**
 * The blob writer's reports. Ids derive from the causing event ({@link BlobEventIds}); the timestamp
 * is when the bytes were made durable.
 */
public final class BlobEvents {

    private BlobEvents() {}

    /**
     * @param sha256Hex the digest of the stored bytes, lowercase hex, as computed by the blob writer
     * @param objectKey where the bytes are
     */
    public static BlobEvent chunkStored(ChunkReceived chunk, String sha256Hex, String objectKey, Instant storedAt) {
        return new BlobEvent(ChunkStored.newBuilder()
                .setEventId(BlobEventIds.chunkStored(chunk.getEventId()))
                .setUploadId(chunk.getUploadId())
                .setTenant(chunk.getTenant())
                .setTimestamp(storedAt)
                .setCausationId(chunk.getEventId())
                .setIndex(chunk.getIndex())
                .setLength(chunk.getLength())
                .setSha256(sha256Hex)
                .setObjectKey(objectKey)
                .build());
    }

    /** Everything the index entry needs, copied from the verified upload. */
    public static BlobEvent assetStored(UploadVerified verified, String objectKey, Instant storedAt) {
        return new BlobEvent(AssetStored.newBuilder()
                .setEventId(BlobEventIds.assetStored(verified.getEventId()))
                .setUploadId(verified.getUploadId())
                .setTenant(verified.getTenant())
                .setTimestamp(storedAt)
                .setCausationId(verified.getEventId())
                .setAssetId(verified.getAssetId())
                .setObjectKey(objectKey)
                .setSize(verified.getSize())
                .setSha256(verified.getSha256())
                .setFileName(verified.getFileName())
                .setContentType(verified.getContentType())
                .setDerivativeOf(verified.getDerivativeOf())
                .setMetadata(verified.getMetadata())
                .build());
    }
}
