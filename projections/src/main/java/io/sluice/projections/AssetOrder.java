package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;

/**
 * Where an asset sorts among others: by creation time, ties broken by asset id, so the order is
 * total and stable across instances and replays ({@link AssetIndexes} writes it into keys).
 */
record AssetOrder(long createdAtMillis, String assetId) {

    static AssetOrder of(String assetId, AssetIndexEntry entry) {
        return new AssetOrder(entry.getCreatedAt().toEpochMilli(), assetId);
    }
}
