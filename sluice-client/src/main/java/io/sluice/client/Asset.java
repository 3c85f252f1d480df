package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An asset as {@code GET /v1/assets/{id}} describes it; {@code json} is the whole answer. */
public record Asset(String assetId, String fileName, String contentType, long size, String sha256, Instant createdAt,
        JsonNode json) {

    static Asset of(JsonNode json) {
        return new Asset(json.path("assetId").asText(), json.path("fileName").asText(),
                json.path("contentType").asText(), json.path("size").asLong(), json.path("sha256").asText(),
                Instant.parse(json.path("createdAt").asText()), json);
    }
}
