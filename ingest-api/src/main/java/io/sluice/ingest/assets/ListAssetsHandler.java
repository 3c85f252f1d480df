package io.sluice.ingest.assets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.AssetIndexEntry;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.validation.JsonFields;
import io.sluice.projections.AssetIndexView;
import io.sluice.projections.AssetPage;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /v1/assets?limit=&cursor=}: the caller's assets, newest first, a page at a time. */
public final class ListAssetsHandler implements RouteHandler {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final AssetIndexView index;

    public ListAssetsHandler(AssetIndexView index) {
        this.index = index;
    }

    @Override
    public void handle(ApiRequest request) throws IOException {
        int limit = limit(request.query("limit"));
        String cursor = request.query("cursor").filter(value -> !value.isEmpty()).orElse(null);
        AssetPage page;
        try {
            page = index.list(request.tenant(), limit, cursor);
        } catch (IllegalArgumentException e) { // the view made no such cursor
            throw JsonFields.invalid("cursor", "cursor is not one this API returned");
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (AssetIndexEntry entry : page.items()) items.add(AssetJson.of(entry));
        if (page.nextCursor() != null) body.put("nextCursor", page.nextCursor());
        Responses.json(request.exchange(), 200, body);
    }

    static int limit(Optional<String> value) {
        if (value.isEmpty() || value.get().isEmpty()) return DEFAULT_LIMIT;
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw JsonFields.invalid("limit", "limit must be an integer from 1 to " + MAX_LIMIT);
    }
}
