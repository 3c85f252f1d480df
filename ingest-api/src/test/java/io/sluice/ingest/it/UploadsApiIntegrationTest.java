package io.sluice.ingest.it;

import static io.sluice.ingest.it.ApiClient.json;
import static io.sluice.ingest.it.RunningIngestApi.ACME_TOKEN;
import static io.sluice.ingest.it.RunningIngestApi.GLOBEX_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.events.AbortRequested;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.ChunkReceived;
import io.sluice.events.FailureReason;
import io.sluice.events.FinishRequested;
import io.sluice.events.RejectedChunk;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.UploadError;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.Samples;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upload calls over HTTP, in-process on the real broker, registry and S3 server. The session
 * processor does not run: the test reads the request events the API published and writes the
 * statuses the processor would have written.
 */
@RealServers
class UploadsApiIntegrationTest {

    private static RunningIngestApi api;
    private static PipelineStandIn pipeline;
    private static ApiClient client;

    @BeforeAll
    static void start(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) {
        api = RunningIngestApi.start(kafka, registry, s3);
        pipeline = new PipelineStandIn(kafka.bootstrapServers(), api.registry);
        client = new ApiClient(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) pipeline.close();
        if (api != null) api.close();
    }

    @Test
    void shouldCreateAnUploadAndPublishUploadOpened() throws Exception {
        HttpResponse<String> response = client.send("POST", "/v1/uploads", ACME_TOKEN, """
                {"fileName": "photo.jpg", "contentType": "image/jpeg", "size": 10000, "metadata": {"camera": "x100"}}""");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        String uploadId = body.get("uploadId").asText();
        assertThat(UploadIds.isUploadId(uploadId)).isTrue();
        assertThat(body.get("chunkSize").asInt()).isEqualTo(RunningIngestApi.CHUNK_SIZE_DEFAULT);
        assertThat(body.get("chunkCount").asInt()).isEqualTo(3);
        assertThat(body.get("expiresAt").asText()).isNotEmpty();
        assertThat(response.headers().firstValue("Location")).contains("/v1/uploads/" + uploadId);

        UploadOpened opened = pipeline.awaitRequests(uploadId, UploadOpened.class, 1).getFirst();
        assertThat(opened.getTenant()).isEqualTo("acme");
        assertThat(opened.getSize()).isEqualTo(10000);
        assertThat(opened.getChunkCount()).isEqualTo(3);
        assertThat(opened.getMetadata()).isEqualTo(Map.of("camera", "x100"));
        assertThat(opened.getIdleTtlMillis()).isEqualTo(24 * 3600 * 1000L);
        assertThat(opened.getExpiresAt()).isEqualTo(opened.getTimestamp().plusMillis(opened.getIdleTtlMillis()));
    }

    @Test
    void shouldAnswer201Then200ForOneIdempotencyKeyAnd422ForAnotherBody() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String uploadId = UploadIds.uploadIdForIdempotencyKey("acme", key);
        String body = "{\"fileName\": \"a.bin\", \"contentType\": \"application/octet-stream\", \"size\": 5000,"
                + " \"idempotencyKey\": \"" + key + "\"}";

        CompletableFuture<HttpResponse<String>> first = client.sendAsync("POST", "/v1/uploads", ACME_TOKEN, body);
        UploadOpened firstOpen = pipeline.awaitRequests(uploadId, UploadOpened.class, 1).get(0);
        UploadStatus.Builder status = Samples.status(uploadId, "acme", 5000, RunningIngestApi.CHUNK_SIZE_DEFAULT)
                .setCreatedAt(firstOpen.getTimestamp())
                .setRecentOutcomes(List.of(Samples.accepted(firstOpen.getEventId(), RequestKind.OPEN)));
        pipeline.publish(status.build());
        HttpResponse<String> created = first.get();
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("uploadId").asText()).isEqualTo(uploadId);

        CompletableFuture<HttpResponse<String>> again = client.sendAsync("POST", "/v1/uploads", ACME_TOKEN, body);
        UploadOpened secondOpen = pipeline.awaitRequests(uploadId, UploadOpened.class, 2).get(1);
        pipeline.publish(status.setRecentOutcomes(List.of(Samples.accepted(firstOpen.getEventId(), RequestKind.OPEN),
                Samples.accepted(secondOpen.getEventId(), RequestKind.OPEN))).build());
        HttpResponse<String> same = again.get();
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json(same).get("uploadId").asText()).isEqualTo(uploadId);
        assertThat(json(same).get("chunkCount").asInt()).isEqualTo(2);

        CompletableFuture<HttpResponse<String>> other = client.sendAsync("POST", "/v1/uploads", ACME_TOKEN,
                body.replace("5000", "6000"));
        UploadOpened thirdOpen = pipeline.awaitRequests(uploadId, UploadOpened.class, 3).get(2);
        pipeline.publish(status.setRecentOutcomes(List.of(Samples.accepted(firstOpen.getEventId(), RequestKind.OPEN),
                Samples.accepted(secondOpen.getEventId(), RequestKind.OPEN),
                Samples.refused(thirdOpen.getEventId(), RequestKind.OPEN, RejectionReason.IDEMPOTENCY_KEY_REUSED, List.of())))
                .build());
        HttpResponse<String> reused = other.get();
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).get("code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void shouldRefuseAnIdempotencyKeyWhoseUploadWasForgottenButWhoseAssetStays() throws Exception {
        String key = "key-" + UUID.randomUUID();
        String uploadId = UploadIds.uploadIdForIdempotencyKey("acme", key);
        String assetId = UploadIds.assetIdFor(uploadId);
        pipeline.publish(AssetIndexEntry.newBuilder().setAssetId(assetId).setTenant("acme").setUploadId(uploadId)
                .setFileName("a.bin").setContentType("application/octet-stream").setSize(5000).setSha256("ef".repeat(32))
                .setObjectKey(ObjectKeys.asset("acme", assetId)).setCreatedAt(Samples.NOW).build());
        Await.until(Duration.ofSeconds(30), () -> client.send("GET", "/v1/assets/" + assetId, ACME_TOKEN, null)
                .statusCode() == 200, "the asset to be indexed");

        HttpResponse<String> again = create("{\"fileName\": \"a.bin\", \"contentType\": \"application/octet-stream\","
                + " \"size\": 5000, \"idempotencyKey\": \"" + key + "\"}");

        assertProblem(again, 422, "idempotency_key_reused");
        assertThat(json(again).get("assetId").asText()).isEqualTo(assetId);
        assertThat(pipeline.requests(uploadId, UploadOpened.class)).as("nothing published").isEmpty();
    }

    @Test
    void shouldQueueChunksAndAnswer202OnlyOnceTheyAreInKafka() throws Exception {
        String uploadId = create(10000);
        byte[] first = randomBytes(4096, 1);
        byte[] last = randomBytes(10000 - 2 * 4096, 2);

        HttpResponse<String> accepted = client.putChunk(chunk(uploadId, 0), ACME_TOKEN, first, false,
                "Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(first)) + ":");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(json(accepted).get("sha256").asText()).isEqualTo(RunningIngestApi.sha256(first));
        assertThat(client.putChunk(chunk(uploadId, 2), ACME_TOKEN, last, true).statusCode())
                .as("the last, shorter chunk, sent with chunked transfer coding").isEqualTo(202);

        // 202 means acknowledged: the events are in the log already, no waiting needed.
        List<ChunkReceived> chunks = pipeline.requests(uploadId, ChunkReceived.class);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).getIndex()).isZero();
        assertThat(chunks.get(0).getLength()).isEqualTo(4096);
        assertThat(chunks.get(0).getTenant()).isEqualTo("acme");
        assertThat(chunks.get(0).getSha256()).isEqualTo(RunningIngestApi.sha256(first));
        assertThat(bytes(chunks.get(0).getBytes())).isEqualTo(first);
        assertThat(chunks.get(1).getIndex()).isEqualTo(2);
        assertThat(bytes(chunks.get(1).getBytes())).isEqualTo(last);
    }

    @Test
    void shouldRefuseBadChunksWithTheirCodesAndPublishNothing() throws Exception {
        String uploadId = create(10000);
        byte[] full = randomBytes(4096, 3);

        assertProblem(client.putChunk(chunk(uploadId, 3), ACME_TOKEN, full, false), 400, "chunk_index_out_of_range");
        assertProblem(client.putChunk(chunk(uploadId, -1), ACME_TOKEN, full, false), 400, "chunk_index_out_of_range");
        assertProblem(client.putChunk("/v1/uploads/" + uploadId + "/chunks/first", ACME_TOKEN, full, false),
                400, "invalid_request");
        assertProblem(client.putChunk(chunk(uploadId, 0), ACME_TOKEN, randomBytes(100, 4), false), 400, "chunk_size_mismatch");
        assertProblem(client.putChunk(chunk(uploadId, 0), ACME_TOKEN, randomBytes(4097, 5), false), 413, "chunk_too_large");
        assertProblem(client.putChunk(chunk(uploadId, 0), ACME_TOKEN, randomBytes(100, 6), true), 400, "chunk_size_mismatch");
        assertProblem(client.putChunk(chunk(uploadId, 0), ACME_TOKEN, randomBytes(4097, 7), true), 413, "chunk_too_large");
        HttpResponse<String> wrongDigest = client.putChunk(chunk(uploadId, 0), ACME_TOKEN, full, false,
                "Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(new byte[1])) + ":");
        assertProblem(wrongDigest, 400, "digest_mismatch");
        assertThat(json(wrongDigest).get("actual").asText()).contains(Base64.getEncoder().encodeToString(sha256(full)));
        assertProblem(client.putChunk(chunk(uploadId, 0), null, full, false), 401, "unauthorized");
        assertProblem(client.putChunk(chunk(uploadId, 0), GLOBEX_TOKEN, full, false), 404, "not_found");
        assertProblem(client.putChunk(chunk(UploadIds.newUploadId(), 0), ACME_TOKEN, full, false), 404, "not_found");

        assertThat(pipeline.requests(uploadId, ChunkReceived.class)).isEmpty();
    }

    @Test
    void shouldRefuseBadCreatesWithTheirCodes() throws Exception {
        assertProblem(client.send("POST", "/v1/uploads", null, "{}"), 401, "unauthorized");
        assertProblem(client.send("POST", "/v1/uploads", "not-a-token", "{}"), 401, "unauthorized");
        assertProblem(create("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 0}"), 400, "invalid_size");
        assertProblem(create("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10000001}"), 413, "upload_too_large");
        assertProblem(create("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10, \"chunkSize\": 100}"),
                400, "invalid_chunk_size");
        assertProblem(create("{\"fileName\": \"../a\", \"contentType\": \"text/plain\", \"size\": 10}"), 400, "invalid_file_name");
        assertProblem(create("{\"fileName\": \"a\", \"contentType\": "), 400, "invalid_request");
        assertProblem(create("{\"contentType\": \"text/plain\", \"size\": 10}"), 400, "invalid_request");
        HttpResponse<String> unknownOriginal = create("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10,"
                + " \"derivativeOf\": {\"assetId\": \"as_" + "0".repeat(32) + "\", \"role\": \"thumbnail\"}}");
        assertProblem(unknownOriginal, 400, "invalid_request");
        assertThat(json(unknownOriginal).get("field").asText()).isEqualTo("derivativeOf.assetId");
    }

    @Test
    void shouldShowTheStatusTheSessionProcessorProjected() throws Exception {
        String uploadId = UploadIds.newUploadId();
        pipeline.publish(Samples.status(uploadId, "acme", 10000, 4096).setBytesHashed(4096)
                .setRejectedChunks(List.of(new RejectedChunk(1, RejectionReason.CHUNK_CONFLICT, "different bytes",
                        "ab".repeat(32), Samples.NOW))), List.of(0, 2), List.of(0));

        HttpResponse<String> response = client.send("GET", "/v1/uploads/" + uploadId, ACME_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = json(response);
        assertThat(status.get("state").asText()).isEqualTo("open");
        assertThat(status.get("received").toString()).isEqualTo("[0,2]");
        assertThat(status.get("stored").toString()).isEqualTo("[0]");
        assertThat(status.get("missing").toString()).isEqualTo("[1]");
        assertThat(status.get("bytesHashed").asLong()).isEqualTo(4096);
        assertThat(status.get("rejected").get(0).get("code").asText()).isEqualTo("chunk_conflict");
        assertProblem(client.send("GET", "/v1/uploads/" + uploadId, GLOBEX_TOKEN, null), 404, "not_found");
        assertProblem(client.send("GET", "/v1/uploads/" + UploadIds.newUploadId(), ACME_TOKEN, null), 404, "not_found");
        assertProblem(client.send("GET", "/v1/uploads/not-an-id", ACME_TOKEN, null), 404, "not_found");
    }

    @Test
    void shouldRefuseChunksForTerminalUploadsAndChunksTooFarAhead() throws Exception {
        String finished = UploadIds.newUploadId();
        pipeline.publish(Samples.status(finished, "acme", 10000, 4096).setState(UploadState.FINISHED).build());
        assertProblem(client.putChunk(chunk(finished, 0), ACME_TOKEN, randomBytes(4096, 8), false), 409, "upload_finished");

        String aborted = UploadIds.newUploadId();
        pipeline.publish(Samples.status(aborted, "acme", 10000, 4096).setState(UploadState.ABORTED).build());
        assertProblem(client.putChunk(chunk(aborted, 0), ACME_TOKEN, randomBytes(4096, 9), false), 410, "upload_aborted");

        String crowded = UploadIds.newUploadId();
        pipeline.publish(Samples.status(crowded, "acme", 4096 * 4, 4096)
                .setParkedBytes(RunningIngestApi.PARKED_BYTES_MAX), List.of(1, 2), List.of());
        HttpResponse<String> tooFar = client.putChunk(chunk(crowded, 3), ACME_TOKEN, randomBytes(4096, 10), false);
        assertProblem(tooFar, 429, "too_far_ahead");
        assertThat(tooFar.headers().firstValue("Retry-After")).isPresent();
        assertThat(client.putChunk(chunk(crowded, 0), ACME_TOKEN, randomBytes(4096, 11), false).statusCode())
                .as("the chunk at the frontier is always taken").isEqualTo(202);
    }

    @Test
    void shouldAnswer409WithTheMissingChunksWhenTheFinishIsRefused() throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadStatus.Builder status = Samples.status(uploadId, "acme", 10000, 4096);
        pipeline.publish(status, List.of(0), List.of());

        CompletableFuture<HttpResponse<String>> finish = client.sendAsync("POST", "/v1/uploads/" + uploadId + "/finish",
                ACME_TOKEN, "{\"sha256\": \"" + "ab".repeat(32) + "\", \"size\": 10000}");
        FinishRequested request = pipeline.awaitRequests(uploadId, FinishRequested.class, 1).getFirst();
        assertThat(request.getSize()).isEqualTo(10000);
        assertThat(request.getSha256()).isEqualTo("ab".repeat(32));
        pipeline.publish(status.setRecentOutcomes(List.of(Samples.refused(request.getEventId(), RequestKind.FINISH,
                RejectionReason.CHUNKS_MISSING, List.of(1, 2)))).build());

        HttpResponse<String> response = finish.get();
        assertProblem(response, 409, "chunks_missing");
        assertThat(json(response).get("missing").toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldAnswer422WhenTheFinishFailsTheUpload() throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadStatus.Builder status = Samples.status(uploadId, "acme", 10000, 4096);
        pipeline.publish(status, List.of(0, 1, 2), List.of());

        CompletableFuture<HttpResponse<String>> finish = client.sendAsync("POST", "/v1/uploads/" + uploadId + "/finish",
                ACME_TOKEN, "{\"sha256\": \"" + "ab".repeat(32) + "\", \"size\": 10000}");
        FinishRequested request = pipeline.awaitRequests(uploadId, FinishRequested.class, 1).getFirst();
        pipeline.publish(status.setState(UploadState.FAILED)
                .setError(new UploadError(FailureReason.CHECKSUM_MISMATCH, "ab".repeat(32), "cd".repeat(32)))
                .setRecentOutcomes(List.of(Samples.refused(request.getEventId(), RequestKind.FINISH, null, List.of())))
                .build());

        HttpResponse<String> response = finish.get();
        assertProblem(response, 422, "checksum_mismatch");
        assertThat(json(response).get("expected").asText()).isEqualTo("ab".repeat(32));
        assertThat(json(response).get("actual").asText()).isEqualTo("cd".repeat(32));
        assertProblem(client.send("POST", "/v1/uploads/" + uploadId + "/finish", ACME_TOKEN,
                "{\"sha256\": \"" + "ab".repeat(32) + "\", \"size\": 10000}"), 410, "upload_failed");
    }

    @Test
    void shouldAnswer200WithTheAssetOnceFinishedAndIndexedAndTheSameAssetAgain() throws Exception {
        String uploadId = UploadIds.newUploadId();
        String assetId = UploadIds.assetIdFor(uploadId);
        String sha = "ef".repeat(32);
        UploadStatus.Builder status = Samples.status(uploadId, "acme", 10000, 4096).setBytesHashed(10000);
        pipeline.publish(status, List.of(0, 1, 2), List.of(0, 1, 2));

        String body = "{\"sha256\": \"" + sha + "\", \"size\": 10000}";
        CompletableFuture<HttpResponse<String>> finish = client.sendAsync("POST", "/v1/uploads/" + uploadId + "/finish",
                ACME_TOKEN, body);
        FinishRequested request = pipeline.awaitRequests(uploadId, FinishRequested.class, 1).getFirst();
        pipeline.publish(AssetIndexEntry.newBuilder().setAssetId(assetId).setTenant("acme").setUploadId(uploadId)
                .setFileName("photo.jpg").setContentType("image/jpeg").setSize(10000).setSha256(sha)
                .setObjectKey(ObjectKeys.asset("acme", assetId)).setCreatedAt(Samples.NOW).build());
        pipeline.publish(status.setState(UploadState.FINISHED).setSha256(sha).setAssetId(assetId)
                .setRecentOutcomes(List.of(Samples.accepted(request.getEventId(), RequestKind.FINISH))).build());

        HttpResponse<String> finished = finish.get();
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(json(finished).get("assetId").asText()).isEqualTo(assetId);
        assertThat(json(finished).get("sha256").asText()).isEqualTo(sha);
        assertThat(json(finished).get("size").asLong()).isEqualTo(10000);

        HttpResponse<String> again = client.send("POST", "/v1/uploads/" + uploadId + "/finish", ACME_TOKEN, body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("assetId").asText()).isEqualTo(assetId);
        assertThat(pipeline.requests(uploadId, FinishRequested.class)).as("a finished upload is answered from its status")
                .hasSize(1);
        assertProblem(client.send("POST", "/v1/uploads/" + uploadId + "/finish", ACME_TOKEN,
                "{\"sha256\": \"" + "00".repeat(32) + "\", \"size\": 10000}"), 409, "upload_finished");
    }

    @Test
    void shouldAbortWith204AndAgainWith204AndRefuseToAbortAFinishedUpload() throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadStatus.Builder status = Samples.status(uploadId, "acme", 10000, 4096);
        pipeline.publish(status.build());

        CompletableFuture<HttpResponse<String>> abort = client.sendAsync("DELETE", "/v1/uploads/" + uploadId, ACME_TOKEN, null);
        AbortRequested request = pipeline.awaitRequests(uploadId, AbortRequested.class, 1).getFirst();
        pipeline.publish(status.setState(UploadState.ABORTED)
                .setRecentOutcomes(List.of(Samples.accepted(request.getEventId(), RequestKind.ABORT))).build());
        assertThat(abort.get().statusCode()).isEqualTo(204);
        assertThat(client.send("DELETE", "/v1/uploads/" + uploadId, ACME_TOKEN, null).statusCode()).isEqualTo(204);

        String finished = UploadIds.newUploadId();
        pipeline.publish(Samples.status(finished, "acme", 10000, 4096).setState(UploadState.FINISHED).build());
        assertProblem(client.send("DELETE", "/v1/uploads/" + finished, ACME_TOKEN, null), 409, "upload_finished");
    }

    private static String create(long size) throws Exception {
        HttpResponse<String> response = create(
                "{\"fileName\": \"f.bin\", \"contentType\": \"application/octet-stream\", \"size\": " + size + "}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("uploadId").asText();
    }

    private static HttpResponse<String> create(String body) throws Exception {
        return client.send("POST", "/v1/uploads", ACME_TOKEN, body);
    }

    private static String chunk(String uploadId, int index) {
        return "/v1/uploads/" + uploadId + "/chunks/" + index;
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("urn:sluice:problem:" + code);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) {
        return HexFormat.of().parseHex(RunningIngestApi.sha256(bytes));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
