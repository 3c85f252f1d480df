package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.client.ApiAnswer;
import io.sluice.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tus 1.0 endpoint at {@code /v1/tus/}, spoken to request by request: what each header does, what
 * each extension adds, and every refusal — beside the real clients' tests ({@link TusClientTest}).
 */
@OnSharedPipeline
class TusProtocolTest {

    static final int MIB = 1 << 20;
    static final String ORIGIN = "https://app.example";

    private static InProcessPipeline pipeline;
    private static SluiceClient client;
    private static SluiceClient otherTenant;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = shared.client();
        otherTenant = shared.otherTenantClient();
    }

    @Test
    void shouldAdvertiseExactlyWhatIsImplementedWithoutAToken() {
        ApiAnswer options = client.withoutToken().call("OPTIONS", "v1/tus/", Map.of(), null);

        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(options.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(List.of(options.header("Tus-Extension").split(","))).containsExactlyInAnyOrder(
                "creation", "creation-with-upload", "expiration", "checksum", "termination", "concatenation");
        assertThat(options.header("Tus-Checksum-Algorithm")).isEqualTo("sha1,sha256");
        assertThat(Long.parseLong(options.header("Tus-Max-Size"))).isPositive();
    }

    @Test
    void shouldLetABrowserOnAnotherOriginUploadAndReadTheHeadersItNeeds() {
        ApiAnswer preflight = client.withoutToken().call("OPTIONS", "v1/tus/", Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "authorization,tus-resumable,upload-offset,content-type"), null);
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST", "HEAD", "PATCH", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "tus-resumable", "upload-offset", "upload-length", "upload-metadata",
                        "upload-checksum", "upload-concat", "content-type");

        ApiAnswer created = create(Map.of("Origin", ORIGIN, "Upload-Length", "10"));
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(created.header("Access-Control-Expose-Headers"))
                .contains("Location", "Upload-Offset", "Upload-Length", "Upload-Expires");

        ApiAnswer refused = client.withoutToken().call("POST", "v1/tus/",
                Map.of("Origin", ORIGIN, "Tus-Resumable", "1.0.0", "Upload-Length", "10"), null);
        assertThat(refused.status()).as("a refusal a page can read").isEqualTo(401);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void shouldLetABrowserOnAnotherOriginUseTheRestOfTheApiToo() {
        ApiAnswer preflight = client.withoutToken().call("OPTIONS", "v1/uploads/up_" + "0".repeat(32) + "/chunks/0",
                Map.of("Origin", ORIGIN, "Access-Control-Request-Method", "PUT",
                        "Access-Control-Request-Headers", "authorization,content-digest"), null);
        assertThat(preflight.status()).as("answered without a token").isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PUT", "GET", "DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Digest", "Range");

        ApiAnswer list = client.call("GET", "v1/assets?limit=1", Map.of("Origin", ORIGIN), null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(list.header("Access-Control-Expose-Headers")).contains("ETag", "Content-Range", "Retry-After");
        assertThat(list.header("Access-Control-Allow-Credentials")).as("never: the token is a header, not a cookie").isNull();
    }

    @Test
    void shouldRefuseARequestWithoutTusResumable() {
        ApiAnswer answer = client.call("POST", "v1/tus/", Map.of("Upload-Length", "10"), null);

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(answer.text("code")).isEqualTo("unsupported_tus_version");
    }

    @Test
    void shouldUploadInPatchesCutOnTheChunkGridAndFinishOnTheLastByte() {
        byte[] file = Uploads.randomFile(3 * MIB + 512 * 1024, 1501);
        ApiAnswer created = create(Map.of("Upload-Length", Integer.toString(file.length),
                "Upload-Metadata", "filename " + b64("holiday.jpg") + ",filetype " + b64("image/jpeg") + ",album " + b64("Été")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Sluice-Chunk-Size")).isEqualTo(Integer.toString(MIB));
        assertThat(created.header("Upload-Expires")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        String upload = created.location();
        assertThat(upload).matches("/v1/tus/up_[0-9a-f]{32}");

        ApiAnswer head = head(upload);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Upload-Offset")).isEqualTo("0");
        assertThat(head.header("Upload-Length")).isEqualTo(Integer.toString(file.length));
        assertThat(head.header("Upload-Metadata")).contains("album " + b64("Été"), "filename " + b64("holiday.jpg"));
        assertThat(head.header("Cache-Control")).isEqualTo("no-store");

        ApiAnswer first = patch(upload, 0, Arrays.copyOfRange(file, 0, MIB + MIB / 2), Map.of());
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.header("Upload-Offset")).as("whole chunks only: the tail is sent again").isEqualTo(Integer.toString(MIB));
        assertThat(first.header("Upload-Expires")).isNotNull();

        ApiAnswer inside = patch(upload, MIB / 2, Arrays.copyOfRange(file, MIB / 2, MIB), Map.of());
        assertThat(inside.status()).as("an offset inside a chunk").isEqualTo(409);
        assertThat(inside.text("code")).isEqualTo("offset_mismatch");

        ApiAnswer rest = patch(upload, MIB, Arrays.copyOfRange(file, MIB, file.length), Map.of());
        assertThat(rest.status()).as("%s", rest.body()).isEqualTo(204);
        assertThat(rest.header("Upload-Offset")).isEqualTo(Integer.toString(file.length));
        String assetPath = rest.header("Sluice-Asset");
        assertThat(assetPath).matches("/v1/assets/as_[0-9a-f]{32}");

        String uploadId = upload.substring(upload.lastIndexOf('/') + 1);
        ApiAnswer status = client.status(uploadId);
        assertThat(status.text("state")).isEqualTo("finished");
        assertThat(status.text("fileName")).isEqualTo("holiday.jpg");
        assertThat(status.text("contentType")).isEqualTo("image/jpeg");
        assertThat(status.text("sha256")).as("the hash Sluice computed").isEqualTo(SluiceClient.sha256(file, 0, file.length));
        assertReadsBack(assetPath, file);
        assertThat(head(upload).header("Upload-Offset")).isEqualTo(Integer.toString(file.length));
        assertThat(patch(upload, file.length, new byte[0], Map.of()).status()).as("the last PATCH again").isEqualTo(204);
    }

    @Test
    void shouldCreateWithUploadAndCheckTheDeclaredSha256() {
        byte[] file = Uploads.randomFile(300_000, 1502);
        ApiAnswer created = client.call("POST", "v1/tus/", Map.of("Tus-Resumable", "1.0.0",
                "Upload-Length", Integer.toString(file.length), "Content-Type", "application/offset+octet-stream",
                "Upload-Metadata", "filename " + b64("small.bin") + ",sha256 " + b64(SluiceClient.sha256(file, 0, file.length))),
                file);

        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        assertThat(created.header("Upload-Offset")).isEqualTo(Integer.toString(file.length));
        assertReadsBack(created.header("Sluice-Asset"), file);
    }

    @Test
    void shouldFailAnUploadWhoseBytesAreNotTheDeclaredSha256() {
        byte[] file = Uploads.randomFile(200_000, 1503);
        String upload = create(Map.of("Upload-Length", Integer.toString(file.length),
                "Upload-Metadata", "sha256 " + b64("00".repeat(32)))).location();

        ApiAnswer last = patch(upload, 0, file, Map.of());

        assertThat(last.status()).isEqualTo(422);
        assertThat(last.text("code")).isEqualTo("checksum_mismatch");
        assertThat(head(upload).status()).as("the failed upload is gone").isEqualTo(410);
    }

    @Test
    void shouldKeepNothingOfAPatchWhoseUploadChecksumDoesNotMatch() throws Exception {
        byte[] file = Uploads.randomFile(2 * MIB + 10, 1504);
        String upload = create(Map.of("Upload-Length", Integer.toString(file.length))).location();
        byte[] first = Arrays.copyOfRange(file, 0, MIB);
        byte[] corrupted = first.clone();
        corrupted[7] ^= 1;

        ApiAnswer mismatch = patch(upload, 0, corrupted, Map.of("Upload-Checksum", "sha1 " + digest("SHA-1", first)));
        assertThat(mismatch.status()).isEqualTo(460);
        assertThat(mismatch.text("code")).isEqualTo("upload_checksum_mismatch");
        assertThat(head(upload).header("Upload-Offset")).isEqualTo("0");

        assertThat(patch(upload, 0, first, Map.of("Upload-Checksum", "sha1 " + digest("SHA-1", first))).header("Upload-Offset"))
                .isEqualTo(Integer.toString(MIB));
        byte[] rest = Arrays.copyOfRange(file, MIB, file.length);
        ApiAnswer last = patch(upload, MIB, rest, Map.of("Upload-Checksum", "sha256 " + digest("SHA-256", rest)));
        assertThat(last.status()).isEqualTo(204);
        assertReadsBack(last.header("Sluice-Asset"), file);

        ApiAnswer unknown = patch(create(Map.of("Upload-Length", "10")).location(), 0, new byte[10],
                Map.of("Upload-Checksum", "md5 " + digest("MD5", new byte[10])));
        assertThat(unknown.status()).as("an algorithm not offered").isEqualTo(400);
    }

    @Test
    void shouldTerminateAnUnfinishedUpload() {
        byte[] file = Uploads.randomFile(2 * MIB, 1505);
        String upload = create(Map.of("Upload-Length", Integer.toString(file.length))).location();
        assertThat(patch(upload, 0, Arrays.copyOfRange(file, 0, MIB), Map.of()).status()).isEqualTo(204);

        assertThat(client.call("DELETE", upload.substring(1), Map.of("Tus-Resumable", "1.0.0"), null).status()).isEqualTo(204);

        Uploads.awaitStatus(client, upload.substring(upload.lastIndexOf('/') + 1),
                status -> status.get("state").asText().equals("aborted"), "aborted");
        assertThat(head(upload).status()).isEqualTo(410);
        assertThat(patch(upload, MIB, Arrays.copyOfRange(file, MIB, file.length), Map.of()).status()).isEqualTo(410);
    }

    @Test
    void shouldConcatenatePartsCutAnywhereIntoOneAsset() {
        byte[] file = Uploads.randomFile(2 * MIB + 777_777, 1506);
        int cut = 1_300_001;
        String first = create(Map.of("Upload-Length", Integer.toString(cut), "Upload-Concat", "partial")).location();
        String second = create(Map.of("Upload-Length", Integer.toString(file.length - cut), "Upload-Concat", "partial")).location();
        assertThat(head(first).header("Upload-Concat")).isEqualTo("partial");
        assertThat(patch(second, 0, Arrays.copyOfRange(file, cut, file.length), Map.of()).status()).isEqualTo(204);
        assertThat(patch(first, 0, Arrays.copyOfRange(file, 0, cut), Map.of()).status()).isEqualTo(204);

        ApiAnswer whole = create(Map.of("Upload-Concat", "final;" + first + " " + pipeline.baseUrl() + second,
                "Upload-Metadata", "filename " + b64("joined.bin")));

        assertThat(whole.status()).as("%s", whole.body()).isEqualTo(201);
        assertReadsBack(whole.header("Sluice-Asset"), file);
        ApiAnswer head = head(whole.location());
        assertThat(head.header("Upload-Concat")).isEqualTo("final;" + first + " " + second);
        assertThat(head.header("Upload-Offset")).isEqualTo(head.header("Upload-Length")).isEqualTo(Integer.toString(file.length));
        String firstAsset = "as_" + first.substring(first.lastIndexOf("up_") + 3);
        Await.until(Duration.ofSeconds(30), () -> client.asset(firstAsset).status() == 404, "the part's asset deleted");
    }

    @Test
    void shouldRefuseWhatTheProtocolOrTheUploadRulesDoNotAllow() {
        String upload = create(Map.of("Upload-Length", Integer.toString(3 * MIB))).location();
        assertRefused(create(Map.of()), 400, "invalid_request");
        assertRefused(create(Map.of("Upload-Defer-Length", "1")), 400, "invalid_request");
        assertRefused(create(Map.of("Upload-Length", "0")), 400, "invalid_size");
        assertRefused(create(Map.of("Upload-Length", Long.toString(Long.MAX_VALUE))), 413, "upload_too_large");
        assertRefused(create(Map.of("Upload-Length", "10", "Upload-Metadata", "filename not*base64")), 400, "invalid_request");
        assertRefused(create(Map.of("Upload-Length", "10", "Upload-Metadata", "tus-concat " + b64("final"))), 400, "invalid_request");
        assertRefused(create(Map.of("Upload-Length", "10", "Upload-Metadata", "filename " + b64("../etc/passwd"))), 400,
                "invalid_file_name");
        assertRefused(create(Map.of("Upload-Concat", "final;" + upload)), 400, "invalid_request");
        assertRefused(patch(upload, -1, new byte[1], Map.of()), 400, "invalid_request");
        assertRefused(client.call("PATCH", upload.substring(1), Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "0",
                "Content-Type", "application/octet-stream"), new byte[MIB]), 415, "unsupported_media_type");
        assertRefused(patch(upload, 0, new byte[1000], Map.of()), 400, "invalid_request");
        assertRefused(patch(upload, 2 * MIB, new byte[2 * MIB], Map.of()), 400, "invalid_request");
        assertRefused(patch(upload, 4 * MIB, new byte[0], Map.of()), 409, "offset_mismatch");
        assertRefused(otherTenant.call("HEAD", upload.substring(1), Map.of("Tus-Resumable", "1.0.0"), null), 404, null);
        assertRefused(client.call("HEAD", "v1/tus/up_" + "0".repeat(32), Map.of("Tus-Resumable", "1.0.0"), null), 404, null);
    }

    private static void assertRefused(ApiAnswer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        if (code != null) assertThat(answer.text("code")).isEqualTo(code);
    }

    private static void assertReadsBack(String assetPath, byte[] file) {
        assertThat(assetPath).isNotNull();
        SluiceClient.ContentDigest content = client.contentDigest(assetPath.substring(assetPath.lastIndexOf('/') + 1));
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(file.length);
        assertThat(content.sha256()).isEqualTo(SluiceClient.sha256(file, 0, file.length));
    }

    private static ApiAnswer create(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Tus-Resumable", "1.0.0");
        return client.call("POST", "v1/tus/", all, null);
    }

    private static ApiAnswer head(String upload) {
        return client.call("HEAD", upload.substring(1), Map.of("Tus-Resumable", "1.0.0"), null);
    }

    private static ApiAnswer patch(String upload, long offset, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Tus-Resumable", "1.0.0");
        all.put("Upload-Offset", Long.toString(offset));
        all.put("Content-Type", "application/offset+octet-stream");
        return client.call("PATCH", upload.substring(1), all, body);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
