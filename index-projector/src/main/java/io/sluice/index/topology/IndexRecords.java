package io.sluice.index.topology;

import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetDeleted;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetStored;
import io.sluice.events.UploadFinished;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What the index projector writes for a stored or deleted asset. Everything comes from the events
 * ({@code AssetStored}, {@code AssetDeleteRequested}: ids, times), nothing from the clock or a random
 * source, so a replay writes the same records byte for byte (contract I5).
 */
final class IndexRecords {

    private IndexRecords() {}

    /** The index entry; created at the moment the asset became durable. */
    static AssetIndexEntry entry(AssetStored stored) {
        return AssetIndexEntry.newBuilder()
                .setAssetId(stored.getAssetId())
                .setTenant(stored.getTenant())
                .setUploadId(stored.getUploadId())
                .setFileName(stored.getFileName())
                .setContentType(stored.getContentType())
                .setSize(stored.getSize())
                .setSha256(stored.getSha256())
                .setObjectKey(stored.getObjectKey())
                .setCreatedAt(stored.getTimestamp())
                .setDerivativeOf(stored.getDerivativeOf())
                .setMetadata(stored.getMetadata())
                .build();
    }

    static UploadFinished finished(AssetStored stored, AssetIndexEntry entry) {
        return UploadFinished.newBuilder()
                .setEventId(finishedEventId(stored.getEventId()))
                .setUploadId(stored.getUploadId())
                .setTenant(stored.getTenant())
                .setTimestamp(stored.getTimestamp())
                .setCausationId(stored.getEventId())
                .setAssetId(entry.getAssetId())
                .setFileName(entry.getFileName())
                .setContentType(entry.getContentType())
                .setSize(entry.getSize())
                .setSha256(entry.getSha256())
                .setObjectKey(entry.getObjectKey())
                .setCreatedAt(entry.getCreatedAt())
                .setDerivativeOf(entry.getDerivativeOf())
                .build();
    }

    /** The entry kept as a marker of the deletion; deleted at the request's time. */
    static AssetIndexEntry deleted(AssetIndexEntry entry, AssetDeleteRequested delete) {
        return AssetIndexEntry.newBuilder(entry).setDeletedAt(delete.getTimestamp()).build();
    }

    static AssetDeleted assetDeleted(AssetIndexEntry entry, AssetDeleteRequested delete) {
        return AssetDeleted.newBuilder()
                .setEventId(derivedEventId("AssetDeleted/", delete.getEventId()))
                .setUploadId(entry.getUploadId())
                .setTenant(entry.getTenant())
                .setTimestamp(delete.getTimestamp())
                .setCausationId(delete.getEventId())
                .setAssetId(entry.getAssetId())
                .setObjectKey(entry.getObjectKey())
                .build();
    }

    /** A name-based UUID of the AssetStored event id: the same report always finishes with the same id. */
    static String finishedEventId(String assetStoredEventId) {
        return derivedEventId("UploadFinished/", assetStoredEventId);
    }

    private static String derivedEventId(String kind, String causeEventId) {
        return UUID.nameUUIDFromBytes((kind + causeEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
