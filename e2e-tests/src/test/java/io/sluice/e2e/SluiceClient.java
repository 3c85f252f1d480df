package io.sluice.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.ApiAnswer;
import io.sluice.client.ConnectionLostException;
import io.sluice.client.SluiceHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The tests' client of Sluice's public HTTP API: every call as the tests need to make it — malformed
 * bodies and hostile headers included — and every answer kept as it came ({@link ApiAnswer}), on
 * sluice-client's HTTP side. A call is sent once; no answer at all is an {@link UncheckedIOException}.
 */
final class SluiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the pipelines' finish wait (60 s), after which a finish answers 202. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    private final SluiceHttp http;

    SluiceClient(String baseUrl, String token) {
        this(new SluiceHttp(baseUrl, token, REQUEST_TIMEOUT));
    }

    private SluiceClient(SluiceHttp http) {
        this.http = http;
    }

    SluiceClient withToken(String otherToken) {
        return new SluiceClient(http.withToken(otherToken));
    }

    /** The same API without an {@code Authorization} header. */
    SluiceClient withoutToken() {
        return new SluiceClient(http.withToken(null));
    }

    /** The bearer token this client sends. */
    String token() {
        return http.token();
    }

    ObjectNode newUpload(String fileName, long size, int chunkSize) {
        return JSON.createObjectNode().put("fileName", fileName).put("contentType", "application/octet-stream")
                .put("size", size).put("chunkSize", chunkSize);
    }

    ApiAnswer create(ObjectNode body) {
        return createRaw(body.toString());
    }

    /** A create with any body text, well-formed or not. */
    ApiAnswer createRaw(String body) {
        return send("POST", "v1/uploads", Map.of("Content-Type", "application/json"), HttpRequest.BodyPublishers.ofString(body));
    }

    ApiAnswer putChunk(String uploadId, int index, byte[] bytes, int offset, int length) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length), Map.of());
    }

    /** A chunk with extra request headers (e.g. {@code Content-Digest}); {@code Content-Length} is the body's. */
    ApiAnswer putChunk(String uploadId, int index, byte[] bytes, Map<String, String> headers) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofByteArray(bytes), headers);
    }

    /** A chunk sent without {@code Content-Length}, with chunked transfer encoding, as a stream of unknown length. */
    ApiAnswer putChunkStreamed(String uploadId, int index, byte[] bytes) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                Map.of());
    }

    private ApiAnswer putChunk(String uploadId, int index, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Content-Type", "application/octet-stream");
        return send("PUT", "v1/uploads/" + uploadId + "/chunks/" + index, all, body);
    }

    /** A GET of any path of this client's base URL, with its token. */
    ApiAnswer get(String path) {
        return send("GET", path, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    ApiAnswer status(String uploadId) {
        return get("v1/uploads/" + uploadId);
    }

    ApiAnswer finish(String uploadId, long size, String sha256) {
        return finishRaw(uploadId, JSON.createObjectNode().put("size", size).put("sha256", sha256).toString());
    }

    /** A finish with any body text, well-formed or not. */
    ApiAnswer finishRaw(String uploadId, String body) {
        return send("POST", "v1/uploads/" + uploadId + "/finish", Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(body));
    }

    ApiAnswer abort(String uploadId) {
        return send("DELETE", "v1/uploads/" + uploadId, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    ApiAnswer deleteAsset(String assetId) {
        return send("DELETE", "v1/assets/" + assetId, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    ApiAnswer asset(String assetId) {
        return get("v1/assets/" + assetId);
    }

    ApiAnswer assets(int limit) {
        return get("v1/assets?limit=" + limit);
    }

    /** The asset's content as an answer: for the problem document of a refusal (the bytes are not JSON). */
    ApiAnswer content(String assetId, String range) {
        return send("GET", "v1/assets/" + assetId + "/content", range == null ? Map.of() : Map.of("Range", range),
                HttpRequest.BodyPublishers.noBody());
    }

    /** Any call: a method, a path (or a URL), headers and a body (null for none). */
    ApiAnswer call(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** The asset's bytes, streamed and hashed: (HTTP status, SHA-256 hex, byte count). */
    ContentDigest contentDigest(String assetId) {
        try {
            HttpResponse<InputStream> response = http.stream("v1/assets/" + assetId + "/content", Map.of(), 1);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long count = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; count += n) digest.update(buffer, 0, n);
            }
            return new ContentDigest(response.statusCode(), HexFormat.of().formatHex(digest.digest()), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConnectionLostException e) {
            throw new UncheckedIOException((IOException) e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record ContentDigest(int status, String sha256, long bytes) {}

    static String sha256(byte[] bytes, int offset, int length) {
        return HexFormat.of().formatHex(digest(bytes, offset, length));
    }

    static String contentDigestHeader(byte[] bytes, int offset, int length) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(digest(bytes, offset, length)) + ":";
    }

    private static byte[] digest(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ApiAnswer send(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        try {
            return http.call(method, path, headers, body, 1);
        } catch (ConnectionLostException e) {
            throw new UncheckedIOException((IOException) e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
