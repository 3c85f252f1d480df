package io.sluice.runtime.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.sluice.runtime.service.Readiness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP server every component runs: {@code /health/live}, {@code /health/ready} and
 * {@code /metrics}, plus whatever contexts the component adds (the ingest API adds its routes).
 * The JDK's server with one virtual thread per exchange: no dependency, and a blocked handler
 * (waiting on Kafka, streaming a body) costs no platform thread. A path no route claims is answered
 * 404 with a problem document ({@code code: not_found}), not the server's HTML page.
 */
public final class HttpEndpoints implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private boolean rootRouted;
    private final List<String> paths = new ArrayList<>(List.of("/health/live", "/health/ready", "/metrics"));

    private HttpEndpoints(HttpServer server) {
        this.server = server;
    }

    public static HttpEndpoints bind(String host, int port, Supplier<Readiness> readiness, Metrics metrics) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
            HttpEndpoints endpoints = new HttpEndpoints(server);
            server.setExecutor(endpoints.executor);
            server.createContext("/health/live", exchange -> respond(exchange, 200, "text/plain", "live\n"));
            server.createContext("/health/ready", exchange -> {
                Readiness now = readiness.get();
                respond(exchange, now.isReady() ? 200 : 503, "text/plain", now.detail() + "\n");
            });
            server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4",
                    metrics.scrape(MetricNames.requested(exchange.getRequestURI().getRawQuery()))));
            return endpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind HTTP server on " + host + ":" + port, e);
        }
    }

    /** Adds a route; call before {@link #start()}. */
    public HttpEndpoints route(String pathPrefix, HttpHandler handler) {
        server.createContext(pathPrefix, handler);
        paths.add(pathPrefix);
        if (pathPrefix.equals("/")) rootRouted = true;
        return this;
    }

    public HttpEndpoints start() {
        if (!rootRouted) {
            server.createContext("/", exchange -> {
                try (exchange) {
                    ProblemResponse.send(exchange, 404, "not_found", "Not found", "no such resource", Map.of());
                }
            });
        }
        server.start();
        return this;
    }

    /** The path prefixes served: the health and metrics endpoints, then every {@link #route}d one. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    /** The bound port (useful when bound to port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
