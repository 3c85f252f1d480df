package io.sluice.ingest.it;

import static io.sluice.ingest.it.ApiClient.json;
import static io.sluice.ingest.it.RunningIngestApi.ACME_TOKEN;
import static io.sluice.ingest.it.RunningIngestApi.GLOBEX_TOKEN;
import static io.sluice.ingest.it.UploadsApiIntegrationTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.PutObjectArgs;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.ingest.Samples;
import io.sluice.ingest.assets.ListAssetsHandler;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The asset calls over HTTP against index entries and objects written the way the index projector
 * and the blob writer write them.
 */
@RealServers
class AssetsApiIntegrationTest {

    private static final byte[] BYTES = randomBytes(3000);

    private static RunningIngestApi api;
    private static PipelineStandIn pipeline;
    private static ApiClient client;
    private static AssetIndexEntry original;
    private static AssetIndexEntry thumbnail;
    private static AssetIndexEntry html;
    private static final byte[] HTML = "<script>fetch('/v1/assets').then(r => r.text()).then(alert)</script>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String HTML_NAME = "say \"hi\" Übersicht.html";

    @BeforeAll
    static void start(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) throws Exception {
        api = RunningIngestApi.start(kafka, registry, s3);
        pipeline = new PipelineStandIn(kafka.bootstrapServers(), api.registry);
        client = new ApiClient(api.baseUrl());
        // a tenant of its own, so other test classes' assets never show in the listing
        String tenant = "globex";
        original = AssetIndexEntry.newBuilder(Samples.asset(tenant, BYTES.length, RunningIngestApi.sha256(BYTES), null))
                .setCreatedAt(Instant.parse("2025-01-01T00:00:00Z")).build();
        thumbnail = AssetIndexEntry.newBuilder(Samples.asset(tenant, 10, "cd".repeat(32),
                new DerivativeLink(original.getAssetId(), DerivativeRole.THUMBNAIL)))
                .setCreatedAt(Instant.parse("2025-01-02T00:00:00Z")).build();
        s3.client().putObject(PutObjectArgs.builder().bucket(RunningIngestApi.BUCKET).object(original.getObjectKey())
                .stream(new ByteArrayInputStream(BYTES), BYTES.length, -1).contentType("image/jpeg").build());
        html = AssetIndexEntry.newBuilder(Samples.asset("acme", HTML.length, RunningIngestApi.sha256(HTML), null))
                .setFileName(HTML_NAME).setContentType("text/html").build();
        s3.client().putObject(PutObjectArgs.builder().bucket(RunningIngestApi.BUCKET).object(html.getObjectKey())
                .stream(new ByteArrayInputStream(HTML), HTML.length, -1).build());
        pipeline.publish(original);
        pipeline.publish(thumbnail);
        pipeline.publish(html);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) pipeline.close();
        if (api != null) api.close();
    }

    @Test
    void shouldServeAnAssetWithItsDerivatives() throws Exception {
        HttpResponse<String> response = client.send("GET", "/v1/assets/" + original.getAssetId(), GLOBEX_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode asset = json(response);
        assertThat(asset.get("assetId").asText()).isEqualTo(original.getAssetId());
        assertThat(asset.get("size").asLong()).isEqualTo(BYTES.length);
        assertThat(asset.get("sha256").asText()).isEqualTo(original.getSha256());
        assertThat(asset.get("createdAt").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(asset.get("derivatives")).hasSize(1);
        assertThat(asset.get("derivatives").get(0).get("assetId").asText()).isEqualTo(thumbnail.getAssetId());
        assertThat(asset.get("derivatives").get(0).get("role").asText()).isEqualTo("thumbnail");

        JsonNode derivative = json(client.send("GET", "/v1/assets/" + thumbnail.getAssetId(), GLOBEX_TOKEN, null));
        assertThat(derivative.get("derivativeOf").get("assetId").asText()).isEqualTo(original.getAssetId());
    }

    @Test
    void shouldListTheCallersAssetsNewestFirstAPageAtATime() throws Exception {
        JsonNode first = json(client.send("GET", "/v1/assets?limit=1", GLOBEX_TOKEN, null));
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("assetId").asText()).isEqualTo(thumbnail.getAssetId());
        String cursor = first.get("nextCursor").asText();

        JsonNode second = json(client.send("GET", "/v1/assets?limit=1&cursor=" + java.net.URLEncoder.encode(cursor,
                java.nio.charset.StandardCharsets.UTF_8), GLOBEX_TOKEN, null));
        assertThat(second.get("items").get(0).get("assetId").asText()).isEqualTo(original.getAssetId());

        JsonNode acme = json(client.send("GET", "/v1/assets", ACME_TOKEN, null));
        assertThat(acme.get("items").findValuesAsText("assetId")).doesNotContain(original.getAssetId(), thumbnail.getAssetId());
        assertProblem(client.send("GET", "/v1/assets?limit=501", GLOBEX_TOKEN, null), 400, "invalid_request");
        assertProblem(client.send("GET", "/v1/assets?cursor=garbage", GLOBEX_TOKEN, null), 400, "invalid_request");
    }

    @Test
    void shouldStreamTheExactBytesWithEtag() throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/v1/assets/" + original.getAssetId() + "/content", GLOBEX_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(BYTES);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(BYTES.length);
        assertThat(response.headers().firstValue("ETag")).contains("\"" + original.getSha256() + "\"");
        assertThat(response.headers().firstValue("Accept-Ranges")).contains("bytes");
    }

    @Test
    void shouldServeUserContentAsADownloadNeverAsAPageOfTheApi() throws Exception {
        HttpResponse<byte[]> response = client.getBytes("/v1/assets/" + html.getAssetId() + "/content", ACME_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HTML);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains("sandbox");
        assertThat(response.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"say _hi_ _bersicht.html\"; filename*=UTF-8''say%20%22hi%22%20%C3%9Cbersicht.html");
    }

    @Test
    void shouldAnswerNotModifiedToTheCurrentEtagAndTheWholeAssetToAStaleIfRange() throws Exception {
        String path = "/v1/assets/" + original.getAssetId() + "/content";
        String etag = "\"" + original.getSha256() + "\"";

        HttpResponse<byte[]> unchanged = client.getBytes(path, GLOBEX_TOKEN, "If-None-Match", etag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).contains(etag);
        assertThat(client.getBytes(path, GLOBEX_TOKEN, "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> resumed = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=100-", "If-Range", etag);
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(BYTES, 100, BYTES.length));
        HttpResponse<byte[]> changed = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=100-", "If-Range", "\"stale\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(BYTES);
        assertThat(unchanged.headers().firstValue("Last-Modified")).contains("Wed, 01 Jan 2025 00:00:00 GMT");
        HttpResponse<byte[]> byDate = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=100-", "If-Range",
                unchanged.headers().firstValue("Last-Modified").orElseThrow());
        assertThat(byDate.statusCode()).isEqualTo(206);
    }

    @Test
    void shouldServeOneRangeAs206AndRefuseARangePastTheEnd() throws Exception {
        String path = "/v1/assets/" + original.getAssetId() + "/content";

        HttpResponse<byte[]> middle = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=10-19");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(BYTES, 10, 20));
        assertThat(middle.headers().firstValue("Content-Range")).contains("bytes 10-19/" + BYTES.length);

        HttpResponse<byte[]> tail = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=-5");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(BYTES, BYTES.length - 5, BYTES.length));

        HttpResponse<byte[]> open = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=2990-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(BYTES, 2990, BYTES.length));

        HttpResponse<byte[]> past = client.getBytes(path, GLOBEX_TOKEN, "Range", "bytes=5000-");
        assertThat(past.statusCode()).isEqualTo(416);
        assertThat(past.headers().firstValue("Content-Range")).contains("bytes */" + BYTES.length);
    }

    @Test
    void shouldHideOtherTenantsAssetsAndUnknownOnes() throws Exception {
        assertProblem(client.send("GET", "/v1/assets/" + original.getAssetId(), ACME_TOKEN, null), 404, "not_found");
        assertThat(client.getBytes("/v1/assets/" + original.getAssetId() + "/content", ACME_TOKEN).statusCode()).isEqualTo(404);
        assertProblem(client.send("GET", "/v1/assets/as_" + "0".repeat(32), GLOBEX_TOKEN, null), 404, "not_found");
        assertProblem(client.send("GET", "/v1/assets/nope", GLOBEX_TOKEN, null), 404, "not_found");
        assertProblem(client.send("GET", "/v1/assets", null, null), 401, "unauthorized");
    }

    @Test
    void shouldDeleteAnAssetOnceTheIndexShowsItDeletedAndDropItsDerivativesLinks() throws Exception {
        AssetIndexEntry doomed = Samples.asset("acme", 10, "ee".repeat(32), null);
        AssetIndexEntry child = Samples.asset("acme", 5, "ff".repeat(32),
                new DerivativeLink(doomed.getAssetId(), DerivativeRole.THUMBNAIL));
        pipeline.publish(doomed);
        pipeline.publish(child);
        String path = "/v1/assets/" + doomed.getAssetId();
        assertThat(client.send("GET", path, ACME_TOKEN, null).statusCode()).isEqualTo(200);

        assertProblem(client.send("DELETE", path, GLOBEX_TOKEN, null), 404, "not_found");
        assertProblem(client.send("DELETE", "/v1/assets/as_" + "0".repeat(32), ACME_TOKEN, null), 404, "not_found");
        assertThat(pipeline.assetDeletions(doomed.getUploadId())).as("another tenant asks nothing").isEmpty();

        var deletion = client.sendAsync("DELETE", path, ACME_TOKEN, null);
        var asked = Await.until(Duration.ofSeconds(20), () -> pipeline.assetDeletions(doomed.getUploadId()),
                list -> !list.isEmpty(), "the deletion request").getFirst();
        assertThat(asked.getAssetId()).isEqualTo(doomed.getAssetId());
        assertThat(asked.getTenant()).isEqualTo("acme");
        pipeline.publish(AssetIndexEntry.newBuilder(doomed).setDeletedAt(asked.getTimestamp()).build()); // the projector's marker

        assertThat(deletion.get().statusCode()).isEqualTo(204);
        assertProblem(client.send("GET", path, ACME_TOKEN, null), 404, "not_found");
        assertThat(client.getBytes(path + "/content", ACME_TOKEN).statusCode()).isEqualTo(404);
        assertThat(client.send("DELETE", path, ACME_TOKEN, null).statusCode()).as("a second delete").isEqualTo(204);
        assertThat(pipeline.assetDeletions(doomed.getUploadId())).as("asked once").hasSize(1);
        assertProblem(client.send("DELETE", path, GLOBEX_TOKEN, null), 404, "not_found");
        JsonNode derivative = json(client.send("GET", "/v1/assets/" + child.getAssetId(), ACME_TOKEN, null));
        assertThat(derivative.has("derivativeOf")).as("the link to a deleted original goes").isFalse();
        assertThat(json(client.send("GET", "/v1/assets?limit=" + ListAssetsHandler.MAX_LIMIT, ACME_TOKEN, null)).get("items"))
                .noneMatch(item -> item.get("assetId").asText().equals(doomed.getAssetId()));
    }

    @Test
    void shouldAcceptADerivativeOfAnAssetTheCallerOwns() throws Exception {
        HttpResponse<String> created = client.send("POST", "/v1/uploads", GLOBEX_TOKEN, """
                {"fileName": "display.jpg", "contentType": "image/jpeg", "size": 2000,
                 "derivativeOf": {"assetId": "%s", "role": "display"}}""".formatted(original.getAssetId()));
        assertThat(created.statusCode()).isEqualTo(201);

        HttpResponse<String> notOwned = client.send("POST", "/v1/uploads", ACME_TOKEN, """
                {"fileName": "display.jpg", "contentType": "image/jpeg", "size": 2000,
                 "derivativeOf": {"assetId": "%s", "role": "display"}}""".formatted(original.getAssetId()));
        assertProblem(notOwned, 400, "invalid_request");
    }

    @Test
    void shouldReportReadyOnceKafkaTheRegistryAndBothViewsAre() throws Exception {
        HttpResponse<String> ready = client.send("GET", "/health/ready", null, null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/metrics", null, null).body()).contains("sluice_ingest_chunk_bytes_in_flight");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
