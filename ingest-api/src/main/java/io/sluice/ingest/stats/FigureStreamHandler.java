package io.sluice.ingest.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.projections.DashboardView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /v1/stats/stream?minutes=&limit=}: server-sent events ({@code text/event-stream}), one
 * {@code figures} event with every figure ({@code uploads}, {@code throughput}, {@code recent},
 * {@code failures}, as the other routes answer them) at once and again whenever the figures change,
 * at most one per {@link #MIN_INTERVAL}; a comment every {@link #KEEP_ALIVE} keeps proxies from
 * closing a quiet stream, and one per minute at least moves the period on.
 *
 * <p>Each stream holds one (virtual) thread and is closed after {@link #MAX_LIFETIME}, after which
 * an {@code EventSource} (or the dashboard page) reconnects; at most {@link #MAX_STREAMS} are open
 * at once, so an open stream costs what a request costs and a flood of them is refused with 503.
 */
public final class FigureStreamHandler implements RouteHandler {

    static final int MAX_STREAMS = 64;
    static final Duration MIN_INTERVAL = Duration.ofMillis(250);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration MAX_LIFETIME = Duration.ofMinutes(30);
    /** Even without changes the last-N-minutes figures move on each minute. */
    static final Duration REFRESH = Duration.ofMinutes(1);

    private final DashboardView view;
    private final DashboardFigures figures;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    public FigureStreamHandler(DashboardView view, DashboardFigures figures) {
        this.view = view;
        this.figures = figures;
    }

    @Override
    public void handle(ApiRequest request) throws IOException, InterruptedException {
        int minutes = FigureQuery.minutes(request);
        int limit = FigureQuery.limit(request);
        Optional<String> scope = request.figuresScope();
        if (!streams.tryAcquire()) {
            throw new ApiException(ProblemCode.SERVICE_UNAVAILABLE, "too many open figure streams; try again later")
                    .header("Retry-After", "10");
        }
        try {
            stream(request.exchange(), scope, minutes, limit);
        } finally {
            streams.release();
        }
    }

    private void stream(HttpExchange exchange, Optional<String> scope, int minutes, int limit)
            throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long end = System.nanoTime() + MAX_LIFETIME.toNanos();
        long version = view.version();
        long lastSent = 0;
        try {
            while (System.nanoTime() < end) {
                send(out, "event: figures\ndata: " + Json.MAPPER.writeValueAsString(snapshot(scope, minutes, limit))
                        + "\n\n");
                lastSent = System.nanoTime();
                long seen = version;
                long quietUntil = lastSent + REFRESH.toNanos();
                while (version == seen && System.nanoTime() < quietUntil) {
                    version = view.awaitChange(seen, KEEP_ALIVE);
                    if (version == DashboardView.CLOSED) return;
                    if (version == seen) send(out, ": keep-alive\n\n");
                }
                // Coalesce a burst of changes: let the interval pass (changes only move the version), then send the latest.
                for (long wait; (wait = lastSent + MIN_INTERVAL.toNanos() - System.nanoTime()) > 0; ) {
                    version = view.awaitChange(version, Duration.ofNanos(wait));
                    if (version == DashboardView.CLOSED) return;
                }
            }
        } catch (IOException clientGone) {
            // The client closed the stream: nothing to answer.
        }
    }

    private ObjectNode snapshot(Optional<String> scope, int minutes, int limit) {
        ObjectNode body = Json.object();
        body.set("uploads", figures.uploads(scope));
        body.set("throughput", figures.throughput(scope, minutes));
        body.set("recent", figures.recent(scope, limit));
        body.set("failures", figures.failures(scope, minutes));
        return body;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
