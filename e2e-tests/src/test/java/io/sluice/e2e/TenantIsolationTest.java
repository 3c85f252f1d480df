package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.chunkOf;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.ApiAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant B sees nothing of tenant A (contract I4 and the bad-input row "another tenant's → 404"): every
 * call B makes against A's upload or asset is answered as if it did not exist, B's listing does not
 * show it, B cannot link a derivative to it — and none of B's attempts changes A's upload.
 */
@OnSharedPipeline
class TenantIsolationTest {

    private static final int CHUNK = 64 * 1024;

    private static SluiceClient tenantA;
    private static SluiceClient tenantB;

    @BeforeAll
    static void connect(InProcessPipeline pipeline) {
        tenantA = pipeline.client();
        tenantB = pipeline.otherTenantClient();
    }

    @Test
    void shouldAnswer404ToAnotherTenantOnEveryCallAndLeaveTheUploadAndAssetIntact() {
        byte[] file = randomFile(2 * CHUNK + 100, 50);
        ApiAnswer created = tenantA.create(tenantA.newUpload("private.bin", file.length, CHUNK));
        String uploadId = created.text("uploadId");
        sendChunk(tenantA, uploadId, file, CHUNK, 0);
        awaitStatus(tenantA, uploadId, s -> indexes(s.path("received")).contains(0), "chunk 0");

        assertProblem(tenantB.status(uploadId), 404, "not_found");
        assertProblem(tenantB.putChunk(uploadId, 1, chunkOf(file, CHUNK, 1), Map.of()), 404, "not_found");
        assertProblem(tenantB.putChunk(uploadId, 0, randomFile(CHUNK, 51), Map.of()), 404, "not_found");
        assertProblem(tenantB.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)), 404, "not_found");
        assertProblem(tenantB.abort(uploadId), 404, "not_found");
        assertProblem(tenantB.create(derivativeOf(created.text("assetId"))), 400, "invalid_request");

        JsonNode status = tenantA.status(uploadId).json();
        assertThat(status.path("state").asText()).isEqualTo("open");
        assertThat(indexes(status.path("received"))).containsExactly(0);
        assertThat(status.path("rejected")).isEmpty();
        sendChunk(tenantA, uploadId, file, CHUNK, 1);
        sendChunk(tenantA, uploadId, file, CHUNK, 2);
        String assetId = finish(tenantA, uploadId, file);

        assertProblem(tenantB.asset(assetId), 404, "not_found");
        assertProblem(tenantB.content(assetId, null), 404, "not_found");
        assertProblem(tenantB.content(assetId, "bytes=0-9"), 404, "not_found");
        assertProblem(tenantB.create(derivativeOf(assetId)), 400, "invalid_request");
        assertProblem(tenantB.abort(uploadId), 404, "not_found");
        assertThat(assetIds(tenantB)).doesNotContain(assetId);
        assertThat(assetIds(tenantA)).contains(assetId);
        assertReadable(tenantA, assetId, file);
        assertThat(tenantA.asset(assetId).json().path("derivatives")).isEmpty();
    }

    private static ObjectNode derivativeOf(String assetId) {
        ObjectNode body = tenantB.newUpload("thumb.jpg", 100, CHUNK);
        body.putObject("derivativeOf").put("assetId", assetId).put("role", "thumbnail");
        return body;
    }

    /** Every asset id of the caller's listing, page after page. */
    private static List<String> assetIds(SluiceClient client) {
        List<String> ids = new ArrayList<>();
        ApiAnswer page = client.assets(500);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        page.json().path("items").forEach(item -> ids.add(item.path("assetId").asText()));
        assertThat(page.json().has("nextCursor")).as("one page holds every asset of this test run").isFalse();
        return ids;
    }
}
