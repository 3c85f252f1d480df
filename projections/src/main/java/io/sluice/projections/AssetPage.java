package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;
import java.util.List;

/**
 * One page of a tenant's assets, newest first.
 *
 * @param nextCursor where the next page starts (opaque), or null when this page is the last
 */
public record AssetPage(List<AssetIndexEntry> items, String nextCursor) {

    public AssetPage {
        items = List.copyOf(items);
    }
}
