package io.sluice.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side of the client: a base URL, a bearer token, and calls that return whatever the API
 * answers ({@link ApiAnswer}). A call whose connection broke before any answer is sent again, up to
 * {@code connectionAttempts} times: the JDK server behind the API closes a connection without saying
 * so after an answer that left the request body unread, and the next call on that pooled connection
 * then gets no answer at all. Only calls the API says are safe to repeat should allow more than one.
 */
public final class SluiceHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration requestTimeout;
    private final AtomicLong connectionRetries = new AtomicLong();

    public SluiceHttp(String baseUrl, String token, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.token = token;
        this.requestTimeout = requestTimeout;
    }

    /** The same server and timeout with another token (null: none). */
    public SluiceHttp withToken(String otherToken) {
        return new SluiceHttp(base.toString(), otherToken, requestTimeout);
    }

    public URI base() {
        return base;
    }

    public String token() {
        return token;
    }

    /**
     * One call: {@code path} relative to the base URL (or absolute), the answer whatever its status.
     *
     * @throws ConnectionLostException when no attempt got an answer
     */
    public ApiAnswer call(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body,
            int connectionAttempts) throws InterruptedException {
        HttpResponse<String> response = send(request(method, path, headers, body), HttpResponse.BodyHandlers.ofString(),
                connectionAttempts);
        return new ApiAnswer(response.statusCode(), response.headers(), response.body(), parse(response));
    }

    /** A call whose answer's body is read as a stream (an asset's bytes); the caller closes it. */
    public HttpResponse<InputStream> stream(String path, Map<String, String> headers, int connectionAttempts)
            throws InterruptedException {
        return send(request("GET", path, headers, HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofInputStream(), connectionAttempts);
    }

    /** Calls sent again because their connection broke before an answer, since this client was made. */
    public long connectionRetries() {
        return connectionRetries.get();
    }

    private HttpRequest request(String method, String path, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(requestTimeout).method(method, body);
        if (token != null) builder.header("Authorization", "Bearer " + token);
        headers.forEach(builder::header);
        return builder.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, int attempts)
            throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, handler);
            } catch (HttpTimeoutException e) {
                throw new ConnectionLostException(request.method() + " " + request.uri() + " had no answer within "
                        + requestTimeout.toSeconds() + " s", e);
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new ConnectionLostException(request.method() + " " + request.uri() + " (" + attempt
                            + " attempts)", e);
                }
                connectionRetries.incrementAndGet();
            }
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
        String body = response.body();
        if (!isJson || body == null || body.isBlank()) return null;
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null; // the body stays readable as text
        }
    }
}
