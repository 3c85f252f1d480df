package io.sluice.index.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.projections.AssetPage;
import java.util.List;
import java.util.Locale;

/**
 * Index entries as the JSON of SPEC's asset calls: {@code assetId, fileName, contentType, size,
 * sha256, createdAt} (ISO-8601), {@code derivativeOf} when set (role in lower case, as the API
 * spells it), {@code metadata}; an asset read alone also lists its {@code derivatives}. The tenant,
 * upload id and object key stay internal.
 */
final class AssetJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AssetJson() {}

    static ObjectNode asset(AssetIndexEntry entry, List<AssetIndexEntry> derivatives) {
        ObjectNode asset = summary(entry);
        ArrayNode list = asset.putArray("derivatives");
        derivatives.forEach(derivative -> list.add(summary(derivative)));
        return asset;
    }

    /** A page of a listing; items leave out their derivatives (read the asset for those). */
    static ObjectNode page(AssetPage page) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(entry -> items.add(summary(entry)));
        if (page.nextCursor() != null) body.put("nextCursor", page.nextCursor());
        return body;
    }

    static ObjectNode problem(int status, String code, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("code", code);
        if (detail != null) problem.put("detail", detail);
        return problem;
    }

    static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e); // a tree of plain nodes always writes
        }
    }

    private static ObjectNode summary(AssetIndexEntry entry) {
        ObjectNode asset = JSON.createObjectNode();
        asset.put("assetId", entry.getAssetId());
        asset.put("fileName", entry.getFileName());
        asset.put("contentType", entry.getContentType());
        asset.put("size", entry.getSize());
        asset.put("sha256", entry.getSha256());
        asset.put("createdAt", entry.getCreatedAt().toString());
        DerivativeLink link = entry.getDerivativeOf();
        if (link != null) {
            ObjectNode derivativeOf = asset.putObject("derivativeOf");
            derivativeOf.put("assetId", link.getAssetId());
            derivativeOf.put("role", link.getRole().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode metadata = asset.putObject("metadata");
        entry.getMetadata().forEach(metadata::put);
        return asset;
    }
}
