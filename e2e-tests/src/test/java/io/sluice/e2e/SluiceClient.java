package io.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** A client of Sluice's public HTTP API, as a user's program would write it; answers keep status and JSON. */
final class SluiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status, headers, the body as text and, when it is JSON, parsed (else null). */
    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {
        String text(String field) {
            return json == null || json.get(field) == null ? null : json.get(field).asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String location() {
            return header("Location");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    SluiceClient(String baseUrl, String token) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
    }

    SluiceClient withToken(String otherToken) {
        return new SluiceClient(base.toString(), otherToken);
    }

    /** The same API without an {@code Authorization} header. */
    SluiceClient withoutToken() {
        return new SluiceClient(base.toString(), null);
    }

    ObjectNode newUpload(String fileName, long size, int chunkSize) {
        return JSON.createObjectNode().put("fileName", fileName).put("contentType", "application/octet-stream")
                .put("size", size).put("chunkSize", chunkSize);
    }

    Answer create(ObjectNode body) {
        return createRaw(body.toString());
    }

    /** A create with any body text, well-formed or not. */
    Answer createRaw(String body) {
        return send(request("v1/uploads").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    Answer putChunk(String uploadId, int index, byte[] bytes, int offset, int length) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length), Map.of());
    }

    /** A chunk with extra request headers (e.g. {@code Content-Digest}); {@code Content-Length} is the body's. */
    Answer putChunk(String uploadId, int index, byte[] bytes, Map<String, String> headers) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofByteArray(bytes), headers);
    }

    /** A chunk sent without {@code Content-Length}, with chunked transfer encoding, as a stream of unknown length. */
    Answer putChunkStreamed(String uploadId, int index, byte[] bytes) {
        return putChunk(uploadId, index, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                Map.of());
    }

    private Answer putChunk(String uploadId, int index, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = request("v1/uploads/" + uploadId + "/chunks/" + index).PUT(body)
                .header("Content-Type", "application/octet-stream");
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET of any path of this client's base URL, with its token. */
    Answer get(String path) {
        return send(request(path.startsWith("/") ? path.substring(1) : path).GET());
    }

    /** The bearer token this client sends. */
    String token() {
        return token;
    }

    Answer status(String uploadId) {
        return send(request("v1/uploads/" + uploadId).GET());
    }

    Answer finish(String uploadId, long size, String sha256) {
        return finishRaw(uploadId, JSON.createObjectNode().put("size", size).put("sha256", sha256).toString());
    }

    /** A finish with any body text, well-formed or not. */
    Answer finishRaw(String uploadId, String body) {
        return send(request("v1/uploads/" + uploadId + "/finish").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    Answer abort(String uploadId) {
        return send(request("v1/uploads/" + uploadId).DELETE());
    }

    Answer deleteAsset(String assetId) {
        return send(request("v1/assets/" + assetId).DELETE());
    }

    Answer asset(String assetId) {
        return send(request("v1/assets/" + assetId).GET());
    }

    Answer assets(int limit) {
        return send(request("v1/assets?limit=" + limit).GET());
    }

    /** The asset's content as an answer: for the problem document of a refusal (the bytes are not JSON). */
    Answer content(String assetId, String range) {
        HttpRequest.Builder request = request("v1/assets/" + assetId + "/content").GET();
        if (range != null) request.header("Range", range);
        return send(request);
    }

    /** The asset's bytes, streamed and hashed: (HTTP status, SHA-256 hex, byte count). */
    ContentDigest contentDigest(String assetId) {
        try {
            HttpResponse<InputStream> response = http.send(request("v1/assets/" + assetId + "/content").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long count = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; count += n) digest.update(buffer, 0, n);
            }
            return new ContentDigest(response.statusCode(), HexFormat.of().formatHex(digest.digest()), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record ContentDigest(int status, String sha256, long bytes) {}

    static String sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String contentDigestHeader(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return "sha-256=:" + Base64.getEncoder().encodeToString(digest.digest()) + ":";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any call: a method, a path (or a URL), headers and a body (null for none). */
    Answer call(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        // longer than the pipelines' finish wait (60 s), after which a finish answers 202
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = isJson && body != null && !body.isBlank() ? JSON.readTree(body) : null;
            return new Answer(response.statusCode(), response.headers(), body, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
