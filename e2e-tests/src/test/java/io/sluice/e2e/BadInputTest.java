package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.chunkOf;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.ApiAnswer;
import io.sluice.events.ChunkRejected;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadDecision;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bad-input table of docs/contract.md, one test per row, through the public HTTP API with all four services
 * running: each asserts the HTTP status, the problem document and its {@code code} (with the members
 * and headers the row implies), and that the refusal lost nothing. The dead-letter row is
 * {@link PoisonPillTest}; the expired variant of the 410 row needs a short time-to-live for every
 * service and is {@link ExpiryTest}.
 */
@OnSharedPipeline
class BadInputTest {

    private static final int KIB = 1024;
    private static final int CHUNK = 64 * KIB;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = pipeline.client();
    }

    @Test
    void shouldAnswer401UnauthorizedWithoutATokenOrWithAnUnknownOne() {
        ApiAnswer none = client.withoutToken().assets(10);
        assertProblem(none, 401, "unauthorized");
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");

        assertProblem(client.withToken("not-a-token-of-anyone").create(client.newUpload("a.bin", 10, CHUNK)),
                401, "unauthorized");
        assertProblem(client.withToken("").status(UploadIds.newUploadId()), 401, "unauthorized");
    }

    @Test
    void shouldAnswer404NotFoundForAnUnknownUploadOrAssetAndForAnotherTenants() {
        assertProblem(client.status(UploadIds.newUploadId()), 404, "not_found");
        assertProblem(client.status("not-an-upload-id"), 404, "not_found");
        assertProblem(client.asset(UploadIds.assetIdFor(UploadIds.newUploadId())), 404, "not_found");
        assertProblem(client.content(UploadIds.assetIdFor(UploadIds.newUploadId()), null), 404, "not_found");

        SluiceClient other = pipeline.otherTenantClient();
        byte[] file = randomFile(CHUNK + 1, 20);
        String othersUpload = create(other, "theirs.bin", file, CHUNK);
        sendAll(other, othersUpload, file, CHUNK);
        String othersAsset = finish(other, othersUpload, file);

        assertProblem(client.status(othersUpload), 404, "not_found");
        assertProblem(client.asset(othersAsset), 404, "not_found");
        assertProblem(client.content(othersAsset, null), 404, "not_found");
    }

    @Test
    void shouldAnswer400InvalidRequestForMalformedJsonAMissingFieldOrAnInvalidField() {
        assertProblem(client.createRaw("{\"fileName\": \"a.bin\", "), 400, "invalid_request");
        assertProblem(client.createRaw("[1, 2]"), 400, "invalid_request");
        ObjectNode missingName = client.newUpload("a.bin", 10, CHUNK);
        missingName.remove("fileName");
        assertThat(assertProblem(client.create(missingName), 400, "invalid_request").path("field").asText())
                .isEqualTo("fileName");
        ObjectNode textSize = client.newUpload("a.bin", 10, CHUNK).put("size", "ten");
        assertThat(assertProblem(client.create(textSize), 400, "invalid_request").path("field").asText())
                .isEqualTo("size");
        ObjectNode badHash = client.newUpload("a.bin", 10, CHUNK).put("sha256", "abc");
        assertThat(assertProblem(client.create(badHash), 400, "invalid_request").path("field").asText())
                .isEqualTo("sha256");
        ObjectNode badType = client.newUpload("a.bin", 10, CHUNK).put("contentType", "not a media type");
        assertProblem(client.create(badType), 400, "invalid_request");
        ObjectNode badRole = client.newUpload("a.bin", 10, CHUNK);
        badRole.putObject("derivativeOf").put("assetId", UploadIds.assetIdFor(UploadIds.newUploadId())).put("role", "poster");
        assertProblem(client.create(badRole), 400, "invalid_request");

        String uploadId = create(client, "finish-me.bin", new byte[10], CHUNK);
        assertProblem(client.finishRaw(uploadId, "{\"size\": 10,"), 400, "invalid_request");
        assertProblem(client.finishRaw(uploadId, "{\"size\": 10}"), 400, "invalid_request");
        assertThat(awaitStatus(client, uploadId, s -> true, "the upload").path("state").asText()).isEqualTo("open");
    }

    @Test
    void shouldAnswer400InvalidSizeForASizeOfZeroOrLess() {
        assertProblem(client.create(client.newUpload("empty.bin", 0, CHUNK)), 400, "invalid_size");
        assertProblem(client.create(client.newUpload("negative.bin", -1, CHUNK)), 400, "invalid_size");
    }

    @Test
    void shouldAnswer413UploadTooLargeForASizeBeyondTheConfiguredMaximum() {
        long maximum = pipeline.config().getLong(Setting.MAX_UPLOAD_SIZE);

        JsonNode problem = assertProblem(client.create(client.newUpload("huge.bin", maximum + 1,
                pipeline.config().getInt(Setting.CHUNK_SIZE_MAX))), 413, "upload_too_large");

        assertThat(problem.path("maximum").asLong()).isEqualTo(maximum);
    }

    @Test
    void shouldAnswer400InvalidChunkSizeForAChunkSizeOutsideTheConfiguredBounds() {
        int min = pipeline.config().getInt(Setting.CHUNK_SIZE_MIN);
        int max = pipeline.config().getInt(Setting.CHUNK_SIZE_MAX);

        assertProblem(client.create(client.newUpload("small.bin", 10 * max, min - 1)), 400, "invalid_chunk_size");
        assertProblem(client.create(client.newUpload("large.bin", 10 * max, max + 1)), 400, "invalid_chunk_size");
        assertProblem(client.create(client.newUpload("zero.bin", 10 * max, 0)), 400, "invalid_chunk_size");
        assertThat(client.create(client.newUpload("bounds.bin", 10 * max, min)).status()).isEqualTo(201);
    }

    @Test
    void shouldAnswer400InvalidFileNameForAnUnsafeFileName() {
        List<String> unsafe = List.of("../etc/passwd", "dir/file.bin", "dir\\file.bin", "..", "a..b", "nul\u0000.bin",
                "line\nbreak.bin", "bell\u0007.bin", "é".repeat(128), // 128 characters, 256 bytes
                "a\u202egnp.exe", "zero\u200bwidth.bin", " ", "\u3000", "report.", "report ", "CON", "con.txt",
                "LPT1.log", "a".repeat(300));
        for (String name : unsafe) {
            assertProblem(client.create(client.newUpload(name, 10, CHUNK)), 400, "invalid_file_name");
        }
        assertThat(client.create(client.newUpload("a".repeat(255), 10, CHUNK)).status()).isEqualTo(201);
    }

    @Test
    void shouldAnswer400TooManyChunksNamingTheSmallestChunkSizeThatFits() {
        int maxChunks = pipeline.config().getInt(Setting.MAX_CHUNK_COUNT);
        int min = pipeline.config().getInt(Setting.CHUNK_SIZE_MIN);
        long size = (long) (maxChunks + 1) * min;

        JsonNode problem = assertProblem(client.create(client.newUpload("many.bin", size, min)), 400, "too_many_chunks");

        long fitting = problem.path("minimumChunkSize").asLong();
        assertThat(problem.path("detail").asText()).contains(Long.toString(fitting));
        assertThat(fitting).isEqualTo(Math.ceilDiv(size, maxChunks));
        ApiAnswer created = client.create(client.newUpload("many.bin", size, (int) fitting));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("chunkCount").asInt()).isLessThanOrEqualTo(maxChunks);
    }

    @Test
    void shouldKeepTheStatusOfAnUploadWithTheMostChunksUnder64KiBAndPageThroughEveryMissingIndex() {
        int maxChunks = pipeline.config().getInt(Setting.MAX_CHUNK_COUNT);
        int min = pipeline.config().getInt(Setting.CHUNK_SIZE_MIN);
        String uploadId = create(client, client.newUpload("most-chunks.bin", (long) maxChunks * min, min));

        List<Integer> missing = new ArrayList<>();
        String from = "0";
        while (from != null) {
            ApiAnswer page = client.status(uploadId + "?missingFrom=" + from);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(64 * KIB);
            assertThat(page.json().path("missingCount").asInt()).isEqualTo(maxChunks);
            page.json().path("missing").forEach(index -> missing.add(index.asInt()));
            from = page.json().has("missingNext") ? page.json().path("missingNext").asText() : null;
        }
        assertThat(missing).hasSize(maxChunks).isSorted().doesNotHaveDuplicates();
        assertProblem(client.status(uploadId + "?missingFrom=-1"), 400, "invalid_request");
        client.abort(uploadId); // ends it: the shared pipeline's processor need not carry it further
    }

    @Test
    void shouldAnswer401ToAnOperatorTokenOnUploadAndAssetRoutes() {
        SluiceClient operator = client.withToken(pipeline.operatorToken());
        assertProblem(operator.assets(10), 401, "unauthorized");
        assertProblem(operator.create(client.newUpload("ops.bin", 10, CHUNK)), 401, "unauthorized");
        assertProblem(operator.status(UploadIds.newUploadId()), 401, "unauthorized");
    }

    @Test
    void shouldAnswer401ToAnAdminRouteWithoutAnOperatorTokenAnd404ToADataRouteOnAnInternalPort() throws Exception {
        byte[] file = randomFile(CHUNK + 3, 50);
        String uploadId = create(client, "internal.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        String assetId = finish(client, uploadId, file);
        SluiceClient sessions = new SluiceClient("http://127.0.0.1:" + pipeline.httpPort(ServiceId.SESSION_PROCESSOR),
                pipeline.operatorToken());

        for (SluiceClient refused : List.of(sessions.withoutToken(), sessions.withToken(pipeline.client().token()))) {
            ApiAnswer stores = refused.get("/admin/stores");
            assertProblem(stores, 401, "unauthorized");
            assertThat(stores.body()).doesNotContain(uploadId);
        }
        ApiAnswer asOperator = sessions.get("/admin/stores");
        assertThat(asOperator.status()).isEqualTo(200);
        assertThat(asOperator.body()).contains(uploadId);

        for (ServiceId internal : List.of(ServiceId.SESSION_PROCESSOR, ServiceId.BLOB_WRITER, ServiceId.INDEX_PROJECTOR)) {
            SluiceClient port = new SluiceClient("http://127.0.0.1:" + pipeline.httpPort(internal), pipeline.client().token());
            for (String path : List.of("/v1/assets/" + assetId, "/v1/assets?tenant=" + InProcessPipeline.TENANT,
                    "/v1/uploads/" + uploadId, "/v1/assets/" + assetId + "/content")) {
                ApiAnswer answer = port.get(path);
                assertProblem(answer, 404, "not_found");
                assertThat(answer.body()).as("%s%s", internal, path).doesNotContain(assetId).doesNotContain(uploadId);
            }
        }
    }

    @Test
    void shouldAnswer422IdempotencyKeyReusedForTheSameKeyWithAnotherBody() {
        String key = "key-" + UUID.randomUUID();
        ObjectNode body = client.newUpload("idem.bin", 1000, CHUNK).put("idempotencyKey", key);
        ApiAnswer first = client.create(body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        ApiAnswer again = client.create(body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.text("uploadId")).isEqualTo(first.text("uploadId"));

        assertProblem(client.create(body.deepCopy().put("size", 2000)), 422, "idempotency_key_reused");

        JsonNode status = awaitStatus(client, first.text("uploadId"), s -> true, "the upload");
        assertThat(status.path("size").asLong()).isEqualTo(1000);
    }

    @Test
    void shouldAnswer400ChunkIndexOutOfRangeForAnIndexBelowZeroOrFromTheChunkCountOn() {
        byte[] file = randomFile(2 * CHUNK + 1, 21);
        String uploadId = create(client, "index.bin", file, CHUNK);

        assertProblem(client.putChunk(uploadId, -1, chunkOf(file, CHUNK, 0), Map.of()), 400, "chunk_index_out_of_range");
        JsonNode problem = assertProblem(client.putChunk(uploadId, 3, chunkOf(file, CHUNK, 2), Map.of()), 400,
                "chunk_index_out_of_range");

        assertThat(problem.path("chunkCount").asInt()).isEqualTo(3);
        sendAll(client, uploadId, file, CHUNK);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer400ChunkSizeMismatchForAChunkOfTheWrongLength() {
        byte[] file = randomFile(2 * CHUNK + 1, 22);
        String uploadId = create(client, "length.bin", file, CHUNK);

        JsonNode shortChunk = assertProblem(client.putChunk(uploadId, 0, randomFile(CHUNK - 1, 23), Map.of()), 400,
                "chunk_size_mismatch");
        assertThat(shortChunk.path("expected").asInt()).isEqualTo(CHUNK);
        assertThat(shortChunk.path("actual").asInt()).isEqualTo(CHUNK - 1);
        assertProblem(client.putChunk(uploadId, 2, new byte[0], Map.of()), 400, "chunk_size_mismatch");

        sendAll(client, uploadId, file, CHUNK);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer413ChunkTooLargeForABodyLongerThanTheChunkWithOrWithoutContentLength() {
        byte[] file = randomFile(2 * CHUNK, 24);
        String uploadId = create(client, "long.bin", file, CHUNK);

        JsonNode declared = assertProblem(client.putChunk(uploadId, 0, randomFile(CHUNK + 1, 25), Map.of()), 413,
                "chunk_too_large");
        assertThat(declared.path("expected").asInt()).isEqualTo(CHUNK);
        assertThat(declared.path("actual").asInt()).isEqualTo(CHUNK + 1);
        assertProblem(client.putChunk(uploadId, 1, randomFile(8 * CHUNK, 26), Map.of()), 413, "chunk_too_large");
        assertProblem(client.putChunkStreamed(uploadId, 0, randomFile(CHUNK + 1, 27)), 413, "chunk_too_large");
        assertProblem(client.putChunkStreamed(uploadId, 1, randomFile(8 * CHUNK, 28)), 413, "chunk_too_large");

        assertThat(client.putChunkStreamed(uploadId, 0, chunkOf(file, CHUNK, 0)).status()).isEqualTo(202);
        sendChunk(client, uploadId, file, CHUNK, 1);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer400DigestMismatchWhenContentDigestDoesNotMatchTheBody() {
        byte[] file = randomFile(CHUNK, 29);
        String uploadId = create(client, "digest.bin", file, CHUNK);
        byte[] other = randomFile(CHUNK, 30);

        JsonNode problem = assertProblem(client.putChunk(uploadId, 0, file,
                Map.of("Content-Digest", SluiceClient.contentDigestHeader(other, 0, other.length))), 400, "digest_mismatch");

        assertThat(problem.path("expected").asText()).isEqualTo(SluiceClient.contentDigestHeader(other, 0, other.length));
        assertThat(problem.path("actual").asText()).isEqualTo(SluiceClient.contentDigestHeader(file, 0, file.length));
        assertThat(client.putChunk(uploadId, 0, file,
                Map.of("Content-Digest", SluiceClient.contentDigestHeader(file, 0, file.length))).status()).isEqualTo(202);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer429TooFarAheadWithRetryAfterWhenTheStatusShowsTheParkingBoundReached() {
        int chunkSize = (int) (SharedPipeline.PARKED_BYTES_MAX / 4);
        int parkable = (int) (SharedPipeline.PARKED_BYTES_MAX / chunkSize);
        byte[] file = randomFile((parkable + 3) * chunkSize, 31);
        String uploadId = create(client, "ahead.bin", file, chunkSize);
        for (int index = 1; index <= parkable; index++) sendChunk(client, uploadId, file, chunkSize, index);
        awaitStatus(client, uploadId, s -> indexes(s.path("received")).size() == parkable, "every parked chunk");

        ApiAnswer refused = client.putChunk(uploadId, parkable + 1, chunkOf(file, chunkSize, parkable + 1), Map.of());

        assertProblem(refused, 429, "too_far_ahead");
        assertThat(refused.header("Retry-After")).isNotNull().containsOnlyDigits();
        sendChunk(client, uploadId, file, chunkSize, 0); // the gap fills; the parked chunks are hashed
        // Until the status shows that, the API still counts the parked bytes and would answer 429 again.
        awaitStatus(client, uploadId, s -> s.path("bytesHashed").asLong() == (long) (parkable + 1) * chunkSize,
                "the parked chunks hashed");
        for (int index = parkable + 1; index < parkable + 3; index++) sendChunk(client, uploadId, file, chunkSize, index);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldReportTooFarAheadInTheStatusAndAsAChunkRejectedEventWhenTheApiCannotTell() throws Exception {
        int chunkSize = (int) (SharedPipeline.PARKED_BYTES_MAX / 4);
        int sent = (int) (SharedPipeline.PARKED_BYTES_MAX / chunkSize) + 1; // one more than the bound parks
        byte[] file = randomFile((sent + 1) * chunkSize, 32);
        // Right after a create the API has no status of the upload yet, so it cannot count parked bytes
        // and queues every chunk; the session processor refuses the one past the bound. Should the
        // status be there in time after all, the API refuses with 429 itself: then try a new upload.
        String uploadId = null;
        for (int attempt = 0; attempt < 3 && uploadId == null; attempt++) {
            String candidate = create(client, "burst.bin", file, chunkSize);
            List<ApiAnswer> answers = sendConcurrently(candidate, file, chunkSize, IntStream.rangeClosed(1, sent).boxed().toList());
            answers.stream().filter(a -> a.status() != 202).forEach(a -> assertProblem(a, 429, "too_far_ahead"));
            if (answers.stream().allMatch(a -> a.status() == 202)) uploadId = candidate;
        }
        assertThat(uploadId).as("an upload whose chunks all reached the session processor").isNotNull();
        String upload = uploadId;

        JsonNode status = awaitStatus(client, upload, s -> s.path("rejected").size() > 0
                && indexes(s.path("received")).size() == sent - 1, "the refused chunk");
        JsonNode rejected = status.path("rejected").get(0);
        assertThat(rejected.path("code").asText()).isEqualTo("too_far_ahead");
        int refusedIndex = rejected.path("index").asInt();
        assertThat(indexes(status.path("received"))).doesNotContain(refusedIndex);
        List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, upload,
                found -> chunkRejection(found, refusedIndex) != null, Duration.ofSeconds(20));
        assertThat(chunkRejection(decisions, refusedIndex).getReason()).isEqualTo(RejectionReason.TOO_FAR_AHEAD);

        sendChunk(client, upload, file, chunkSize, 0);
        awaitStatus(client, upload, s -> s.path("bytesHashed").asLong() >= (long) refusedIndex * chunkSize,
                "the chunks before the refused one hashed");
        sendChunk(client, upload, file, chunkSize, refusedIndex); // sent again later, as the client must
        sendChunk(client, upload, file, chunkSize, sent);
        assertReadable(client, finish(client, upload, file), file);
    }

    @Test
    void shouldReportAConflictingDuplicateInTheStatusAndAsAChunkRejectedEventKeepingTheFirstBytes() {
        byte[] file = randomFile(2 * CHUNK, 33);
        String uploadId = create(client, "conflict.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        awaitStatus(client, uploadId, s -> indexes(s.path("received")).contains(0), "chunk 0 accepted");
        byte[] other = randomFile(CHUNK, 34);

        assertThat(client.putChunk(uploadId, 0, other, Map.of()).status()).isEqualTo(202);

        JsonNode rejected = awaitStatus(client, uploadId, s -> s.path("rejected").size() > 0, "the conflict")
                .path("rejected").get(0);
        assertThat(rejected.path("code").asText()).isEqualTo("chunk_conflict");
        assertThat(rejected.path("index").asInt()).isZero();
        assertThat(rejected.path("sha256").asText()).isEqualTo(SluiceClient.sha256(other, 0, other.length));
        List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, uploadId,
                found -> chunkRejection(found, 0) != null, Duration.ofSeconds(20));
        ChunkRejected event = chunkRejection(decisions, 0);
        assertThat(event.getReason()).isEqualTo(RejectionReason.CHUNK_CONFLICT);
        assertThat(event.getSha256()).isEqualTo(SluiceClient.sha256(other, 0, other.length));
        sendChunk(client, uploadId, file, CHUNK, 1);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer409ChunksMissingNamingThemAndKeepTheUploadOpen() {
        byte[] file = randomFile(4 * CHUNK, 35);
        String uploadId = create(client, "gaps.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        sendChunk(client, uploadId, file, CHUNK, 2);

        JsonNode problem = assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)),
                409, "chunks_missing");

        assertThat(indexes(problem.path("missing"))).containsExactly(1, 3);
        assertThat(client.status(uploadId).text("state")).isEqualTo("open");
        sendChunk(client, uploadId, file, CHUNK, 1);
        sendChunk(client, uploadId, file, CHUNK, 3);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldAnswer422SizeMismatchForAFinishWithAWrongSizeAndFailTheUpload() {
        byte[] file = randomFile(CHUNK + 5, 36);
        String uploadId = create(client, "size.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);

        JsonNode problem = assertProblem(client.finish(uploadId, file.length + 1, SluiceClient.sha256(file, 0, file.length)),
                422, "size_mismatch");

        assertThat(problem.path("expected").asText()).isEqualTo(Integer.toString(file.length));
        assertThat(problem.path("actual").asText()).isEqualTo(Integer.toString(file.length + 1));
        JsonNode status = client.status(uploadId).json();
        assertThat(status.path("state").asText()).isEqualTo("failed");
        assertThat(status.path("error").path("code").asText()).isEqualTo("size_mismatch");
    }

    @Test
    void shouldAnswer422ChecksumMismatchForAFinishWithAWrongSha256AndFailTheUpload() {
        byte[] file = randomFile(CHUNK + 6, 37);
        String uploadId = create(client, "sha.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        String wrong = SluiceClient.sha256(new byte[] {1, 2, 3}, 0, 3);

        JsonNode problem = assertProblem(client.finish(uploadId, file.length, wrong), 422, "checksum_mismatch");

        assertThat(problem.path("expected").asText()).isEqualTo(wrong);
        assertThat(problem.path("actual").asText()).isEqualTo(SluiceClient.sha256(file, 0, file.length));
        JsonNode status = client.status(uploadId).json();
        assertThat(status.path("state").asText()).isEqualTo("failed");
        assertThat(status.path("error").path("code").asText()).isEqualTo("checksum_mismatch");
    }

    @Test
    void shouldAnswer409UploadFinishedForAChunkOrAnAbortOfAFinishedUpload() {
        byte[] file = randomFile(CHUNK + 7, 38);
        String uploadId = create(client, "done.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        String assetId = finish(client, uploadId, file);

        assertProblem(client.putChunk(uploadId, 0, chunkOf(file, CHUNK, 0), Map.of()), 409, "upload_finished");
        assertProblem(client.abort(uploadId), 409, "upload_finished");

        assertThat(finish(client, uploadId, file)).as("a repeated finish").isEqualTo(assetId);
        assertReadable(client, assetId, file);
    }

    @Test
    void shouldAnswer410UploadAbortedForAChunkOrAFinishOfAnAbortedUpload() {
        byte[] file = randomFile(2 * CHUNK, 39);
        String uploadId = create(client, "aborted.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        assertThat(client.abort(uploadId).status()).isEqualTo(204);

        assertProblem(client.putChunk(uploadId, 1, chunkOf(file, CHUNK, 1), Map.of()), 410, "upload_aborted");
        assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)), 410, "upload_aborted");
    }

    @Test
    void shouldAnswer410UploadFailedForAChunkOrAFinishOfAFailedUpload() {
        byte[] file = randomFile(2 * CHUNK, 40);
        String uploadId = create(client, "failed.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(new byte[1], 0, 1)), 422, "checksum_mismatch");

        assertProblem(client.putChunk(uploadId, 1, chunkOf(file, CHUNK, 1), Map.of()), 410, "upload_failed");
        assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)), 410, "upload_failed");
    }

    private static List<ApiAnswer> sendConcurrently(String uploadId, byte[] file, int chunkSize, List<Integer> indexes)
            throws Exception {
        List<ApiAnswer> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiAnswer>> sent = new ArrayList<>();
            for (int index : indexes) {
                sent.add(senders.submit(() -> client.putChunk(uploadId, index, chunkOf(file, chunkSize, index), Map.of())));
            }
            for (Future<ApiAnswer> answer : sent) answers.add(answer.get());
        }
        return answers;
    }

    /** The ChunkRejected decision for chunk {@code index}, or null. */
    private static ChunkRejected chunkRejection(List<UploadDecision> decisions, int index) {
        return decisions.stream().map(UploadDecision::getPayload)
                .filter(payload -> payload instanceof ChunkRejected rejected && rejected.getIndex() == index)
                .map(ChunkRejected.class::cast).findFirst().orElse(null);
    }
}
