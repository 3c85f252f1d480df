package io.sluice.index.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.events.AssetIndexEntry;
import io.sluice.projections.AssetIndexView;
import io.sluice.runtime.http.HttpEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index projector's read side: {@code GET /v1/assets/{assetId}} (with its derivatives) and
 * {@code GET /v1/assets?tenant=&limit=&cursor=} (newest first), as JSON from the asset view.
 *
 * <p>An internal API for operators and dashboards: it takes the tenant as a parameter instead of a
 * bearer token, so it must not be exposed beyond the service network. Clients use the ingest API,
 * which serves the same view behind authentication.
 */
public final class AssetRoutes implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(AssetRoutes.class);

    static final String PREFIX = "/v1/assets";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final Supplier<AssetIndexView> assets;

    private AssetRoutes(Supplier<AssetIndexView> assets) {
        this.assets = assets;
    }

    /** @param assets the view; null until the service started (answered with 503) */
    public static void mount(HttpEndpoints endpoints, Supplier<AssetIndexView> assets) {
        endpoints.route(PREFIX, new AssetRoutes(assets));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                problem(exchange, 405, "method_not_allowed", "Method not allowed", null);
                return;
            }
            AssetIndexView view = assets.get();
            if (view == null) {
                problem(exchange, 503, "unavailable", "Service unavailable", "the asset index is not loaded yet");
                return;
            }
            QueryParameters query;
            try {
                query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "invalid_request", "Invalid request", "malformed query: " + e.getMessage());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
                list(exchange, view, query);
            } else if (path.startsWith(PREFIX + "/") && path.indexOf('/', PREFIX.length() + 1) < 0) {
                read(exchange, view, path.substring(PREFIX.length() + 1), query);
            } else {
                problem(exchange, 404, "not_found", "Not found", null);
            }
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e; // the server drops the exchange; the response may be half-written, so no 500 is attempted
        }
    }

    private static void read(HttpExchange exchange, AssetIndexView view, String assetId, QueryParameters query)
            throws IOException {
        Optional<AssetIndexEntry> entry = view.get(assetId);
        Optional<String> tenant = query.first("tenant");
        if (entry.isEmpty() || tenant.isPresent() && !tenant.get().equals(entry.get().getTenant())) {
            problem(exchange, 404, "not_found", "Not found", "no asset " + assetId);
            return;
        }
        respond(exchange, 200, "application/json", AssetJson.asset(entry.get(), view.derivativesOf(assetId)));
    }

    private static void list(HttpExchange exchange, AssetIndexView view, QueryParameters query) throws IOException {
        Optional<String> tenant = query.first("tenant");
        if (tenant.isEmpty() || tenant.get().isBlank()) {
            problem(exchange, 400, "invalid_request", "Invalid request", "the tenant parameter is required");
            return;
        }
        int limit;
        try {
            limit = query.first("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problem(exchange, 400, "invalid_request", "Invalid request", "limit must be 1 to " + MAX_LIMIT);
            return;
        }
        try {
            respond(exchange, 200, "application/json",
                    AssetJson.page(view.list(tenant.get(), limit, query.first("cursor").orElse(null))));
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "invalid_request", "Invalid request", e.getMessage());
        }
    }

    private static void problem(HttpExchange exchange, int status, String code, String title, String detail)
            throws IOException {
        respond(exchange, status, "application/problem+json", AssetJson.problem(status, code, title, detail));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, ObjectNode body)
            throws IOException {
        byte[] bytes = AssetJson.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
