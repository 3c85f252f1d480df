package io.sluice.ingest.assets;

import io.sluice.events.AssetIndexEntry;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.projections.AssetIndexView;
import java.util.List;

/** {@code GET /v1/assets/{assetId}}: the asset's metadata with its derivatives (the caller's only). */
public final class GetAssetHandler implements RouteHandler {

    private final AssetLookup assets;
    private final AssetIndexView index;

    public GetAssetHandler(AssetLookup assets, AssetIndexView index) {
        this.assets = assets;
        this.index = index;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        AssetIndexEntry entry = assets.require(request.tenant(), request.pathVariable("assetId"));
        List<AssetIndexEntry> derivatives = index.derivativesOf(entry.getAssetId()).stream()
                .filter(derivative -> derivative.getTenant().equals(request.tenant()))
                .toList();
        Responses.json(request.exchange(), 200, AssetJson.withDerivatives(entry, derivatives));
    }
}
