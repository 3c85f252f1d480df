package io.sluice.client;

import java.util.List;

/** One page of {@code GET /v1/assets}, newest first; {@code nextCursor} is null on the last page. */
public record AssetPage(List<Asset> items, String nextCursor) {

    public AssetPage {
        items = List.copyOf(items);
    }
}
