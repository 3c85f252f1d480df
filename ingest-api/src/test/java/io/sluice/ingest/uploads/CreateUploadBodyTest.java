package io.sluice.ingest.uploads;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.DerivativeRole;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.upload.ChunkGrid;
import io.sluice.upload.UploadLimits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateUploadBodyTest {

    private static final UploadLimits LIMITS = new UploadLimits(1_000_000, 4096, 1024, 8192, 500, 1 << 20);
    private static final String ASSET = "as_" + "a".repeat(32);

    @Test
    void shouldReadEveryMember() {
        CreateUploadBody body = parse("""
                {"fileName": "a.jpg", "contentType": "image/jpeg", "size": 10000, "chunkSize": 2048,
                 "sha256": "%s", "idempotencyKey": "k-1",
                 "derivativeOf": {"assetId": "%s", "role": "thumbnail"}, "metadata": {"camera": "x100"},
                 "unknown": true}""".formatted("AB".repeat(32), ASSET));

        assertThat(body.fileName()).isEqualTo("a.jpg");
        assertThat(body.shape()).isEqualTo(new ChunkGrid(10000, 2048, 5));
        assertThat(body.sha256()).isEqualTo("ab".repeat(32));
        assertThat(body.idempotencyKey()).isEqualTo("k-1");
        assertThat(body.derivativeOf()).isEqualTo(new CreateUploadBody.Derivative(ASSET, DerivativeRole.THUMBNAIL));
        assertThat(body.metadata()).isEqualTo(Map.of("camera", "x100"));
    }

    @Test
    void shouldUseTheDefaultChunkSize() {
        CreateUploadBody body = parse("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10000}");
        assertThat(body.chunkSize()).isEqualTo(4096);
        assertThat(body.sha256()).isNull();
        assertThat(body.derivativeOf()).isNull();
        assertThat(body.metadata()).isEmpty();
    }

    @Test
    void shouldRefuseMissingAndMistypedMembersAsInvalidRequest() {
        assertRefused("{\"contentType\": \"text/plain\", \"size\": 1}", ProblemCode.INVALID_REQUEST, "fileName");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\"}", ProblemCode.INVALID_REQUEST, "size");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": \"1\"}", ProblemCode.INVALID_REQUEST, "size");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1.5}", ProblemCode.INVALID_REQUEST, "size");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1, \"metadata\": {\"n\": 1}}",
                ProblemCode.INVALID_REQUEST, "metadata");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1, \"derivativeOf\": {\"assetId\": \""
                + ASSET + "\", \"role\": \"poster\"}}", ProblemCode.INVALID_REQUEST, "derivativeOf.role");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1, \"derivativeOf\": {\"assetId\": \"x\","
                + " \"role\": \"display\"}}", ProblemCode.INVALID_REQUEST, "derivativeOf.assetId");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1, \"derivativeOf\": {}}",
                ProblemCode.INVALID_REQUEST, "derivativeOf.assetId");
    }

    @Test
    void shouldRefuseMalformedJsonAndDuplicateMembers() {
        assertThat(refusal(() -> parse("{\"fileName\": ")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> parse("[1, 2]")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> parse("{\"size\": 1, \"size\": 2}")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
    }

    @Test
    void shouldApplyTheSizeChunkSizeAndFileNameRules() {
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 0}", ProblemCode.INVALID_SIZE, null);
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1000001}", ProblemCode.UPLOAD_TOO_LARGE, null);
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10, \"chunkSize\": 100}",
                ProblemCode.INVALID_CHUNK_SIZE, null);
        assertRefused("{\"fileName\": \"../a\", \"contentType\": \"text/plain\", \"size\": 10}", ProblemCode.INVALID_FILE_NAME, null);
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text\", \"size\": 10}", ProblemCode.INVALID_REQUEST, "contentType");
    }

    @Test
    void shouldRefuseTooManyChunksNamingTheSmallestChunkSizeThatFits() {
        ApiException refusal = refusal(() -> parse(
                "{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 1000000, \"chunkSize\": 1024}"));
        assertThat(refusal.code()).isEqualTo(ProblemCode.TOO_MANY_CHUNKS);
        assertThat(refusal.code().status()).isEqualTo(400);
        assertThat(refusal.extras()).containsEntry("minimumChunkSize", 2000L).containsEntry("maximumChunkCount", 500);
    }

    @Test
    void shouldRefuseInvisibleBlankAndDeviceFileNames() {
        for (String name : new String[] {"a\u202egnp.exe", " ", "CON", "report.", "nul.txt"}) {
            assertRefused("{\"fileName\": \"" + name + "\", \"contentType\": \"text/plain\", \"size\": 10}",
                    ProblemCode.INVALID_FILE_NAME, "fileName");
        }
    }

    @Test
    void shouldRefuseMetadataBeyondItsBounds() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 65; i++) many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        assertRefused("{\"fileName\": \"a\", \"contentType\": \"text/plain\", \"size\": 10, \"metadata\": "
                + many + "}}", ProblemCode.INVALID_REQUEST, "metadata");
    }

    private static CreateUploadBody parse(String json) {
        return CreateUploadBody.parse(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)), "acme", LIMITS);
    }

    private static void assertRefused(String json, ProblemCode code, String field) {
        ApiException refusal = refusal(() -> parse(json));
        assertThat(refusal.code()).isEqualTo(code);
        if (field != null) assertThat(refusal.extras()).containsEntry("field", field);
    }
}
