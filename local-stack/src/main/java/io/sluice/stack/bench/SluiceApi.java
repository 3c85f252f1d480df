package io.sluice.stack.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's client of Sluice's HTTP API (docs/contract.md), written as a careful user would: a
 * chunk refused for now ({@code 503}: the API's chunk memory is taken; {@code 429}: too far ahead
 * of the hash frontier) is sent again after its {@code Retry-After}; a request whose connection
 * broke before an answer came is sent again at once (docs/contract.md: chunks and finishes are safe to repeat;
 * a repeated create at worst opens an upload nobody uses). Both kinds of retry are counted,
 * because they are part of what a figure cost. Any other refusal fails the run.
 *
 * <p>Why connections break: the JDK server behind the API closes a connection, without saying so,
 * after an answer that left the request body unread (a {@code 503} decided before reading the
 * chunk), and the client's next request on that pooled connection gets no answer at all.
 */
final class SluiceApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS_PER_CHUNK = 300;
    private static final int MAX_ATTEMPTS_PER_CONNECTION_LOSS = 5;

    /** The answer to a create. */
    record Created(String uploadId, int chunkSize, int chunkCount) {}

    /** The answer to a finish: 200 with the asset, or 202 while the upload is still finishing. */
    record FinishAnswer(int status, JsonNode body) {
        boolean finished() {
            return status == 200;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final AtomicLong chunkRetries = new AtomicLong();
    private final AtomicLong connectionRetries = new AtomicLong();

    SluiceApi(String baseUrl, String token) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
    }

    Created create(String fileName, long size, int chunkSize) throws InterruptedException {
        String body = JSON.createObjectNode().put("fileName", fileName).put("contentType", "application/octet-stream")
                .put("size", size).put("chunkSize", chunkSize).toString();
        HttpResponse<String> response = send(request("v1/uploads")
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        JsonNode json = expect(response, 201, "create " + fileName);
        return new Created(json.path("uploadId").asText(), json.path("chunkSize").asInt(), json.path("chunkCount").asInt());
    }

    void putChunk(String uploadId, int index, byte[] bytes, int length) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = send(request("v1/uploads/" + uploadId + "/chunks/" + index)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, 0, length))
                    .header("Content-Type", "application/octet-stream"));
            int status = response.statusCode();
            if (status == 202) return;
            if ((status == 503 || status == 429) && attempt < MAX_ATTEMPTS_PER_CHUNK) {
                chunkRetries.incrementAndGet();
                Thread.sleep(retryAfter(response)); // the server's own back-off, as a client honours it
                continue;
            }
            throw refused(response, "chunk " + index + " of " + uploadId + " (attempt " + attempt + ")");
        }
    }

    FinishAnswer finish(String uploadId, long size, String sha256) throws InterruptedException {
        String body = JSON.createObjectNode().put("size", size).put("sha256", sha256).toString();
        HttpResponse<String> response = send(request("v1/uploads/" + uploadId + "/finish")
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw refused(response, "finish of " + uploadId);
        }
        FinishAnswer answer = new FinishAnswer(response.statusCode(), parse(response));
        if (answer.finished()) requireAsset(answer.body(), uploadId, size, sha256);
        return answer;
    }

    /** The upload's status as the API answers it, for a failure message. */
    String status(String uploadId) throws InterruptedException {
        HttpResponse<String> response = send(request("v1/uploads/" + uploadId).GET());
        return response.statusCode() + " " + response.body();
    }

    /** Chunk requests sent again after a 503 or 429, since this client was made. */
    long chunkRetries() {
        return chunkRetries.get();
    }

    /** Requests sent again because their connection broke before an answer, since this client was made. */
    long connectionRetries() {
        return connectionRetries.get();
    }

    /** A 200 is the asset: it must be the bytes sent, or the figure measured something else. */
    private static void requireAsset(JsonNode asset, String uploadId, long size, String sha256) {
        if (asset.path("size").asLong() != size || !sha256.equals(asset.path("sha256").asText())) {
            throw new BenchFailure("finish of " + uploadId + " answered another asset: " + asset
                    + " (sent " + size + " bytes, SHA-256 " + sha256 + ")");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws InterruptedException {
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                throw new BenchFailure(built.method() + " " + built.uri() + " had no answer within "
                        + REQUEST_TIMEOUT.toSeconds() + " s", e);
            } catch (IOException e) {
                if (attempt == MAX_ATTEMPTS_PER_CONNECTION_LOSS) {
                    throw new BenchFailure(built.method() + " " + built.uri() + " failed " + attempt + " times: " + e, e);
                }
                connectionRetries.incrementAndGet();
            }
        }
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) throw refused(response, what);
        return parse(response);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new BenchFailure("unreadable answer from " + response.uri() + ": " + response.body(), e);
        }
    }

    private static BenchFailure refused(HttpResponse<String> response, String what) {
        return new BenchFailure(what + " answered " + response.statusCode() + ": " + response.body());
    }

    private static long retryAfter(HttpResponse<String> response) {
        String seconds = response.headers().firstValue("Retry-After").orElse("1");
        try {
            return Math.max(1, Long.parseLong(seconds.trim())) * 1000;
        } catch (NumberFormatException e) {
            return 1000; // an HTTP date: not what this API sends; one second is its usual back-off
        }
    }
}
