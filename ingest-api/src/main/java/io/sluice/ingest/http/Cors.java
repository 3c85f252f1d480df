package io.sluice.ingest.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Cross-origin access to the API, so that a page on another origin (a web app, Uppy) can upload and
 * read. In front of a router: every answer — refusals included, or the page could not read them —
 * names the allowed origin and the headers the page may read; a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered here, without a token (a browser never sends one
 * with it), naming the methods and request headers. Credentials are never allowed: the API takes a
 * bearer token, not a cookie, so a page can only use a token it was given.
 */
public final class Cors implements HttpHandler {

    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    /** What a page may send: the API's and tus's request headers. */
    static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Content-Digest", "Range",
            "If-Range", "If-None-Match", "Tus-Resumable", "Upload-Length", "Upload-Defer-Length", "Upload-Metadata",
            "Upload-Offset", "Upload-Checksum", "Upload-Concat", "X-Requested-With", "X-HTTP-Method-Override");
    /** What a page may read beyond the always-readable headers. */
    static final List<String> EXPOSED_HEADERS = List.of("Location", "Retry-After", "ETag", "Content-Range",
            "Content-Disposition", "Accept-Ranges", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size",
            "Tus-Checksum-Algorithm", "Upload-Offset", "Upload-Length", "Upload-Metadata", "Upload-Expires",
            "Upload-Concat", "Sluice-Asset", "Sluice-Chunk-Size");
    /** How long a browser may cache a preflight's answer. */
    static final String MAX_AGE_SECONDS = "86400";

    private final List<String> origins;
    private final HttpHandler next;

    /** @param origins the origins whose pages may call, or {@code *} for any */
    public Cors(List<String> origins, HttpHandler next) {
        this.origins = List.copyOf(origins);
        this.next = next;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Headers response = exchange.getResponseHeaders();
        response.add("Vary", "Origin");
        boolean allowed = origin != null && allows(origin);
        if (allowed) {
            response.set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            response.set("Access-Control-Expose-Headers", String.join(", ", EXPOSED_HEADERS));
        }
        if (!isPreflight(exchange)) {
            next.handle(exchange);
            return;
        }
        try (exchange) {
            if (allowed) {
                response.set("Access-Control-Allow-Methods", METHODS);
                response.set("Access-Control-Allow-Headers", String.join(", ", REQUEST_HEADERS));
                response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static boolean isPreflight(HttpExchange exchange) {
        return "OPTIONS".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method");
    }

    /** {@code SLUICE_CORS_ORIGINS}: comma-separated origins, or {@code *}. */
    public static List<String> origins(SluiceConfig config) {
        return Arrays.stream(config.get(Setting.CORS_ORIGINS).split(","))
                .map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }

    private boolean allows(String origin) {
        return origins.contains("*") || origins.contains(origin);
    }
}
