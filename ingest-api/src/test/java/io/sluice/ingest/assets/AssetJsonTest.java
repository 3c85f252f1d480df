package io.sluice.ingest.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.ingest.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetJsonTest {

    private static final AssetIndexEntry ORIGINAL = Samples.asset("acme", 100, "ab".repeat(32), null);
    private static final AssetIndexEntry THUMBNAIL = Samples.asset("acme", 10, "cd".repeat(32),
            new DerivativeLink(ORIGINAL.getAssetId(), DerivativeRole.THUMBNAIL));

    @Test
    void shouldRenderTheAssetWithoutItsInternals() {
        ObjectNode json = AssetJson.of(ORIGINAL);
        assertThat(json.get("assetId").asText()).isEqualTo(ORIGINAL.getAssetId());
        assertThat(json.get("fileName").asText()).isEqualTo("photo.jpg");
        assertThat(json.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(json.get("size").asLong()).isEqualTo(100);
        assertThat(json.get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json.get("createdAt").asText()).isEqualTo("2025-01-02T03:04:05.678Z");
        assertThat(json.get("metadata").toString()).isEqualTo("{\"camera\":\"x100\"}");
        assertThat(json.has("derivativeOf")).isFalse();
        assertThat(json.has("objectKey")).isFalse();
        assertThat(json.has("uploadId")).isFalse();
        assertThat(json.has("tenant")).isFalse();
    }

    @Test
    void shouldRenderTheLinkOfADerivativeInLowerCase() {
        assertThat(AssetJson.of(THUMBNAIL).get("derivativeOf").toString())
                .isEqualTo("{\"assetId\":\"" + ORIGINAL.getAssetId() + "\",\"role\":\"thumbnail\"}");
    }

    @Test
    void shouldListDerivativesWithTheirRoles() {
        ObjectNode json = AssetJson.withDerivatives(ORIGINAL, List.of(THUMBNAIL));
        assertThat(json.get("derivatives")).hasSize(1);
        assertThat(json.get("derivatives").get(0).get("assetId").asText()).isEqualTo(THUMBNAIL.getAssetId());
        assertThat(json.get("derivatives").get(0).get("role").asText()).isEqualTo("thumbnail");
        assertThat(json.get("derivatives").get(0).get("size").asLong()).isEqualTo(10);
    }
}
