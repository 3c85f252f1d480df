package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The secondary indexes of the asset view: each tenant's assets newest first, and each original's
 * derivatives oldest first. Written by the view's consumer thread only ({@link #changed}); read by
 * any thread, with the weak consistency of concurrent skip lists (a listing running while an entry
 * changes may or may not include the change, never a torn entry).
 */
final class AssetIndexes implements CompactedTopicView.ChangeListener<AssetIndexEntry> {

    private final Map<String, NavigableMap<AssetOrder, AssetIndexEntry>> byTenant = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<AssetOrder, AssetIndexEntry>> derivativesByOriginal =
            new ConcurrentHashMap<>();

    @Override
    public void changed(String assetId, AssetIndexEntry previous, AssetIndexEntry current) {
        if (previous != null) {
            AssetOrder order = AssetOrder.of(assetId, previous);
            remove(byTenant, previous.getTenant(), order);
            if (previous.getDerivativeOf() != null) {
                remove(derivativesByOriginal, previous.getDerivativeOf().getAssetId(), order);
            }
        }
        if (current != null) {
            AssetOrder order = AssetOrder.of(assetId, current);
            byTenant.computeIfAbsent(current.getTenant(),
                    tenant -> new ConcurrentSkipListMap<>(AssetOrder.NEWEST_FIRST)).put(order, current);
            if (current.getDerivativeOf() != null) {
                derivativesByOriginal.computeIfAbsent(current.getDerivativeOf().getAssetId(),
                        original -> new ConcurrentSkipListMap<>(AssetOrder.OLDEST_FIRST)).put(order, current);
            }
        }
    }

    /**
     * @throws IllegalArgumentException if {@code limit} is below 1 or the cursor is malformed
     */
    AssetPage list(String tenant, int limit, String cursor) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        AssetOrder after = cursor == null ? null : AssetCursor.decode(cursor);
        NavigableMap<AssetOrder, AssetIndexEntry> all = byTenant.get(tenant);
        if (all == null) return new AssetPage(List.of(), null);
        NavigableMap<AssetOrder, AssetIndexEntry> rest = after == null ? all : all.tailMap(after, false);
        List<AssetIndexEntry> items = new ArrayList<>(Math.min(limit, 1024));
        AssetOrder last = null;
        Iterator<Map.Entry<AssetOrder, AssetIndexEntry>> entries = rest.entrySet().iterator();
        while (entries.hasNext() && items.size() < limit) {
            Map.Entry<AssetOrder, AssetIndexEntry> entry = entries.next();
            items.add(entry.getValue());
            last = entry.getKey();
        }
        return new AssetPage(items, entries.hasNext() ? AssetCursor.encode(last) : null);
    }

    List<AssetIndexEntry> derivativesOf(String assetId) {
        NavigableMap<AssetOrder, AssetIndexEntry> derivatives = derivativesByOriginal.get(assetId);
        return derivatives == null ? List.of() : List.copyOf(derivatives.values());
    }

    private static void remove(Map<String, NavigableMap<AssetOrder, AssetIndexEntry>> index, String group,
            AssetOrder order) {
        NavigableMap<AssetOrder, AssetIndexEntry> members = index.get(group);
        if (members != null) members.remove(order);
    }
}
