package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sluice's HTTP API as a careful user calls it. A chunk refused for now ({@code 503}: the API's chunk
 * memory is taken; {@code 429}: too far ahead of the hash frontier) is sent again after the server's
 * {@code Retry-After}; a call the API says is safe to repeat (a chunk, a finish, a read) is sent again
 * when its connection broke before an answer. Both kinds of retry are counted. Every other refusal is
 * a {@link SluiceApiException} with the problem's code.
 */
public final class SluiceApi {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** How often a chunk refused for now is sent again before the refusal stands. */
    static final int MAX_ATTEMPTS_PER_CHUNK = 300;
    static final int ATTEMPTS_PER_CONNECTION_LOSS = 5;

    /** The answer to a finish: the asset (200), or the status while the upload is still finishing (202). */
    public record FinishAnswer(int status, Asset asset, UploadStatus pending) {
        public boolean finished() {
            return status == 200;
        }
    }

    private final SluiceHttp http;
    private final boolean chunkDigests;
    private final AtomicLong chunkRetries = new AtomicLong();

    public SluiceApi(SluiceHttp http) {
        this(http, true);
    }

    /**
     * @param chunkDigests whether each chunk carries its {@code Content-Digest} (a SHA-256 computed here): the
     *     API then refuses bytes damaged on the way; a load generator that measures the service turns it off
     */
    public SluiceApi(SluiceHttp http, boolean chunkDigests) {
        this.http = http;
        this.chunkDigests = chunkDigests;
    }

    public static SluiceApi connect(String baseUrl, String token) {
        return new SluiceApi(new SluiceHttp(baseUrl, token, DEFAULT_REQUEST_TIMEOUT));
    }

    public SluiceHttp http() {
        return http;
    }

    /** Opens an upload: 201 (or 200 for an idempotency key seen before, 202 while that is being decided). */
    public CreatedUpload create(NewUpload upload) throws InterruptedException {
        ObjectNode body = SluiceHttp.JSON.createObjectNode().put("fileName", upload.fileName())
                .put("contentType", upload.contentType()).put("size", upload.size());
        if (upload.chunkSize() > 0) body.put("chunkSize", upload.chunkSize());
        if (upload.sha256() != null) body.put("sha256", upload.sha256());
        if (upload.idempotencyKey() != null) body.put("idempotencyKey", upload.idempotencyKey());
        if (!upload.metadata().isEmpty()) upload.metadata().forEach(body.putObject("metadata")::put);
        // Not repeated on a lost connection without a key: a repeat would open a second upload.
        ApiAnswer answer = json("POST", "v1/uploads", body, upload.idempotencyKey() == null ? 1 : ATTEMPTS_PER_CONNECTION_LOSS);
        if (answer.status() != 201 && answer.status() != 200 && answer.status() != 202) {
            throw new SluiceApiException("create " + upload.fileName(), answer);
        }
        JsonNode json = answer.json();
        return new CreatedUpload(json.path("uploadId").asText(), json.path("assetId").asText(),
                json.path("chunkSize").asInt(), json.path("chunkCount").asInt(),
                Instant.parse(json.path("expiresAt").asText()));
    }

    /** Sends chunk {@code index} ({@code length} bytes of {@code bytes} from {@code offset}) with its digest; 202. */
    public void putChunk(String uploadId, int index, byte[] bytes, int offset, int length) throws InterruptedException {
        Map<String, String> headers = chunkDigests
                ? Map.of("Content-Type", "application/octet-stream",
                        "Content-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(bytes, offset, length)) + ":")
                : Map.of("Content-Type", "application/octet-stream");
        for (int attempt = 1; ; attempt++) {
            ApiAnswer answer = http.call("PUT", "v1/uploads/" + uploadId + "/chunks/" + index, headers,
                    HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length), ATTEMPTS_PER_CONNECTION_LOSS);
            if (answer.status() == 202) return;
            if ((answer.status() == 503 || answer.status() == 429) && attempt < MAX_ATTEMPTS_PER_CHUNK) {
                chunkRetries.incrementAndGet();
                Thread.sleep(retryAfterMillis(answer)); // the server's own back-off, as a client honours it
                continue;
            }
            throw new SluiceApiException("chunk " + index + " of " + uploadId, answer);
        }
    }

    /** Asks to finish with the whole file's size and SHA-256: 200 with the asset, or 202 while it is finishing. */
    public FinishAnswer finish(String uploadId, long size, String sha256) throws InterruptedException {
        ObjectNode body = SluiceHttp.JSON.createObjectNode().put("size", size).put("sha256", sha256);
        ApiAnswer answer = json("POST", "v1/uploads/" + uploadId + "/finish", body, ATTEMPTS_PER_CONNECTION_LOSS);
        return switch (answer.status()) {
            case 200 -> new FinishAnswer(200, Asset.of(answer.json()), null);
            case 202 -> new FinishAnswer(202, null, UploadStatus.of(answer.json()));
            default -> throw new SluiceApiException("finish of " + uploadId, answer);
        };
    }

    public UploadStatus status(String uploadId) throws InterruptedException {
        return status(uploadId, 0);
    }

    /** The status with its missing lists starting at chunk {@code missingFrom}. */
    public UploadStatus status(String uploadId, int missingFrom) throws InterruptedException {
        String query = missingFrom > 0 ? "?missingFrom=" + missingFrom : "";
        return UploadStatus.of(expect(get("v1/uploads/" + uploadId + query), 200, "status of " + uploadId).json());
    }

    /** Every chunk index the upload misses, paging through the status's runs. */
    public List<Integer> missingChunks(String uploadId) throws InterruptedException {
        List<Integer> missing = new ArrayList<>();
        int from = 0;
        while (true) {
            UploadStatus status = status(uploadId, from);
            for (int[] range : status.missingRanges()) {
                for (int index = range[0]; index <= range[1]; index++) missing.add(index);
            }
            if (status.missingNext() < 0 || status.missingRanges().isEmpty()) return missing;
            int last = status.missingRanges().getLast()[1];
            from = Math.max(status.missingNext(), last + 1);
        }
    }

    public void abort(String uploadId) throws InterruptedException {
        ApiAnswer answer = http.call("DELETE", "v1/uploads/" + uploadId, Map.of(), HttpRequest.BodyPublishers.noBody(),
                ATTEMPTS_PER_CONNECTION_LOSS);
        if (answer.status() != 204 && answer.status() != 202) throw new SluiceApiException("abort of " + uploadId, answer);
    }

    public Asset asset(String assetId) throws InterruptedException {
        return Asset.of(expect(get("v1/assets/" + assetId), 200, "asset " + assetId).json());
    }

    /** One page of the caller's assets, newest first; {@code cursor} null for the first page. */
    public AssetPage assets(int limit, String cursor) throws InterruptedException {
        String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        JsonNode json = expect(get("v1/assets" + query), 200, "list of assets").json();
        List<Asset> items = new ArrayList<>();
        json.path("items").forEach(item -> items.add(Asset.of(item)));
        return new AssetPage(items, json.hasNonNull("nextCursor") ? json.get("nextCursor").asText() : null);
    }

    /** The asset's bytes as a stream (200, or 206 for a range), with {@code headers} such as {@code Range}. */
    public HttpResponse<InputStream> content(String assetId, Map<String, String> headers) throws InterruptedException {
        return http.stream("v1/assets/" + assetId + "/content", headers, ATTEMPTS_PER_CONNECTION_LOSS);
    }

    /** Chunk calls sent again after a 503 or 429, since this client was made. */
    public long chunkRetries() {
        return chunkRetries.get();
    }

    /** Calls sent again because their connection broke before an answer, since this client was made. */
    public long connectionRetries() {
        return http.connectionRetries();
    }

    private ApiAnswer get(String path) throws InterruptedException {
        return http.call("GET", path, Map.of(), HttpRequest.BodyPublishers.noBody(), ATTEMPTS_PER_CONNECTION_LOSS);
    }

    private ApiAnswer json(String method, String path, JsonNode body, int attempts) throws InterruptedException {
        return http.call(method, path, Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(body.toString()), attempts);
    }

    private static ApiAnswer expect(ApiAnswer answer, int status, String what) {
        if (answer.status() != status || answer.json() == null) throw new SluiceApiException(what, answer);
        return answer;
    }

    static long retryAfterMillis(ApiAnswer answer) {
        String seconds = answer.headers().firstValue("Retry-After").orElse("1");
        try {
            return Math.max(1, Long.parseLong(seconds.trim())) * 1000;
        } catch (NumberFormatException e) {
            return 1000; // an HTTP date: not what this API sends; one second is its usual back-off
        }
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }
}
