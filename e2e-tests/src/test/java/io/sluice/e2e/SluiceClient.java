package io.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/** A client of Sluice's public HTTP API, as a user's program would write it; answers keep status and JSON. */
final class SluiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status, parsed JSON body (or null) and a header of interest. */
    record Answer(int status, JsonNode json, String location) {
        String text(String field) {
            return json == null || json.get(field) == null ? null : json.get(field).asText();
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

    ObjectNode newUpload(String fileName, long size, int chunkSize) {
        return JSON.createObjectNode().put("fileName", fileName).put("contentType", "application/octet-stream")
                .put("size", size).put("chunkSize", chunkSize);
    }

    Answer create(ObjectNode body) {
        return send(request("v1/uploads").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json"));
    }

    Answer putChunk(String uploadId, int index, byte[] bytes, int offset, int length) {
        return send(request("v1/uploads/" + uploadId + "/chunks/" + index)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, offset, length))
                .header("Content-Type", "application/octet-stream"));
    }

    Answer status(String uploadId) {
        return send(request("v1/uploads/" + uploadId).GET());
    }

    Answer finish(String uploadId, long size, String sha256) {
        String body = JSON.createObjectNode().put("size", size).put("sha256", sha256).toString();
        return send(request("v1/uploads/" + uploadId + "/finish").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    Answer abort(String uploadId) {
        return send(request("v1/uploads/" + uploadId).DELETE());
    }

    Answer asset(String assetId) {
        return send(request("v1/assets/" + assetId).GET());
    }

    Answer assets(int limit) {
        return send(request("v1/assets?limit=" + limit).GET());
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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) builder.header("Authorization", "Bearer " + token);
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            return new Answer(response.statusCode(), json, response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
