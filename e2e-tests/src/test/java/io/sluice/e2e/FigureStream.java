package io.sluice.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code GET /v1/stats/stream} read as a browser's EventSource would: each {@code figures} event's
 * data, parsed, in the order they came, on a thread of its own.
 */
final class FigureStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private FigureStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("figure-stream").start(this::read);
    }

    static FigureStream open(String baseUrl, String token, String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/stats/stream" + query))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IllegalStateException("stream answered " + response.statusCode() + ": " + body);
        }
        return new FigureStream(response);
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The first event from now on (or already received, unread) that satisfies {@code until}; fails on timeout. */
    JsonNode await(Predicate<JsonNode> until, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) throw new AssertionError("no figures event with " + what + " within " + timeout
                    + "; the last was " + last);
            if (until.test(event)) return event;
            last = event;
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            List<String> data = new ArrayList<>();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if ("figures".equals(event) && !data.isEmpty()) events.add(JSON.readTree(String.join("\n", data)));
                    event = null;
                    data.clear();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).stripLeading());
                }
            }
        } catch (IOException closed) {
            // closed by close(), or the server ended the stream
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
