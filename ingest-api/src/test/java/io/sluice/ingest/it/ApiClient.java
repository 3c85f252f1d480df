package io.sluice.ingest.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.ingest.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A client of the API under test, as a caller would use it. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return sendAsync(method, path, token, json).get();
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String token, String json) {
        HttpRequest.Builder request = request(path, token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUTs a chunk; {@code chunked} leaves out Content-Length (chunked transfer coding). */
    HttpResponse<String> putChunk(String path, String token, byte[] bytes, boolean chunked, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest.Builder request = request(path, token).PUT(body).header("Content-Type", "application/octet-stream");
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String token, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, token).GET();
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return request;
    }
}
