package io.sluice.ingest.assets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.ingest.http.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An asset as the API shows it: {@code {assetId, fileName, contentType, size, sha256, createdAt,
 * derivativeOf?: {assetId, role}, metadata}}, and for {@code GET /v1/assets/{id}} its
 * {@code derivatives: [{assetId, role, fileName, contentType, size, sha256, createdAt}]}. Roles are
 * lower case, times ISO-8601. The object key and upload id stay inside.
 */
public final class AssetJson {

    private AssetJson() {}

    public static ObjectNode of(AssetIndexEntry entry) {
        ObjectNode body = summary(entry);
        if (entry.getDerivativeOf() != null) body.set("derivativeOf", link(entry.getDerivativeOf()));
        ObjectNode metadata = body.putObject("metadata");
        for (Map.Entry<String, String> item : entry.getMetadata().entrySet()) metadata.put(item.getKey(), item.getValue());
        return body;
    }

    public static ObjectNode withDerivatives(AssetIndexEntry entry, List<AssetIndexEntry> derivatives) {
        ObjectNode body = of(entry);
        ArrayNode list = body.putArray("derivatives");
        for (AssetIndexEntry derivative : derivatives) {
            ObjectNode item = summary(derivative);
            if (derivative.getDerivativeOf() != null) item.put("role", role(derivative.getDerivativeOf()));
            list.add(item);
        }
        return body;
    }

    private static ObjectNode summary(AssetIndexEntry entry) {
        return Json.object()
                .put("assetId", entry.getAssetId())
                .put("fileName", entry.getFileName())
                .put("contentType", entry.getContentType())
                .put("size", entry.getSize())
                .put("sha256", entry.getSha256())
                .put("createdAt", entry.getCreatedAt().toString());
    }

    private static ObjectNode link(DerivativeLink link) {
        return Json.object().put("assetId", link.getAssetId()).put("role", role(link));
    }

    private static String role(DerivativeLink link) {
        return link.getRole().name().toLowerCase(Locale.ROOT);
    }
}
