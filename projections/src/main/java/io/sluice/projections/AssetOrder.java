package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;
import java.util.Comparator;

/**
 * Where an asset sorts among others: by creation time, ties broken by asset id, so the order is
 * total and stable across instances and replays.
 */
record AssetOrder(long createdAtMillis, String assetId) {

    static final Comparator<AssetOrder> OLDEST_FIRST =
            Comparator.comparingLong(AssetOrder::createdAtMillis).thenComparing(AssetOrder::assetId);

    /** Newest first; among assets created in the same millisecond, by asset id ascending. */
    static final Comparator<AssetOrder> NEWEST_FIRST =
            Comparator.comparingLong(AssetOrder::createdAtMillis).reversed().thenComparing(AssetOrder::assetId);

    static AssetOrder of(String assetId, AssetIndexEntry entry) {
        return new AssetOrder(entry.getCreatedAt().toEpochMilli(), assetId);
    }
}
