package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.AssetDeleted;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.UploadDecision;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /v1/assets/{assetId}} through the whole pipeline: the index projector marks the
 * entry deleted and announces {@code AssetDeleted}, the blob writer removes the object, the API
 * stops serving, listing and linking the asset; a second delete is a 204, another tenant's a 404.
 */
@OnSharedPipeline
class AssetDeletionTest {

    private static final int CHUNK = 64 * 1024;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = shared.client();
    }

    @Test
    void shouldDeleteTheObjectTheEntryAndTheDerivativesLinksAndAnnounceIt() throws Exception {
        byte[] file = randomFile(CHUNK + 10, 90);
        String uploadId = create(client, "to-delete.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        String assetId = finish(client, uploadId, file);
        byte[] thumb = randomFile(100, 91);
        ObjectNode derivative = client.newUpload("thumb.bin", thumb.length, CHUNK);
        derivative.putObject("derivativeOf").put("assetId", assetId).put("role", "thumbnail");
        String thumbUpload = create(client, derivative);
        sendAll(client, thumbUpload, thumb, CHUNK);
        String thumbAsset = finish(client, thumbUpload, thumb);
        assertReadable(client, assetId, file);
        String objectKey = ObjectKeys.asset(InProcessPipeline.TENANT, assetId);
        assertThat(pipeline.objectKeys(objectKey)).containsExactly(objectKey);

        assertProblem(pipeline.otherTenantClient().deleteAsset(assetId), 404, "not_found");
        assertThat(client.deleteAsset(assetId).status()).isEqualTo(204);

        assertProblem(client.asset(assetId), 404, "not_found");
        assertThat(client.content(assetId, null).status()).isEqualTo(404);
        assertThat(client.assets(500).json().path("items")).noneMatch(item -> item.path("assetId").asText().equals(assetId));
        assertThat(client.asset(thumbAsset).json().has("derivativeOf")).as("the derivative's link goes").isFalse();
        Await.until(Duration.ofSeconds(30), () -> pipeline.objectKeys(objectKey).isEmpty(), "the asset object removed");
        List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, uploadId,
                found -> found.stream().anyMatch(d -> d.getPayload() instanceof AssetDeleted), Duration.ofSeconds(10));
        assertThat(decisions.stream().map(UploadDecision::getPayload).filter(AssetDeleted.class::isInstance)
                .map(AssetDeleted.class::cast)).singleElement()
                .satisfies(deleted -> assertThat(deleted.getAssetId()).isEqualTo(assetId));
        List<AssetIndexEntry> index = pipeline.events().await(Topics.ASSET_INDEX, assetId,
                found -> !found.isEmpty() && found.getLast() != null && found.getLast().getDeletedAt() != null,
                Duration.ofSeconds(10));
        assertThat(index.getLast().getUploadId()).isEqualTo(UploadIds.uploadIdForAssetId(assetId));

        assertThat(client.deleteAsset(assetId).status()).as("a second delete").isEqualTo(204);
        assertProblem(pipeline.otherTenantClient().deleteAsset(assetId), 404, "not_found");
        assertReadable(client, thumbAsset, thumb);
    }
}
