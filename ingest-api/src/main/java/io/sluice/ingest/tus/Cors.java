package io.sluice.ingest.tus;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;

/**
 * Cross-origin access to the tus endpoint, so that a page on another origin (Uppy in a web app) can
 * upload. Every answer — refusals included, or the page could not read them — names the allowed
 * origin and the headers the page may read; a preflight also names the methods and request headers.
 * Credentials are never allowed: the endpoint takes a bearer token, not a cookie, so a page can only
 * use a token it was given.
 */
public final class Cors {

    static final String METHODS = "POST, HEAD, PATCH, DELETE, OPTIONS";
    /** How long a browser may cache a preflight's answer. */
    static final String MAX_AGE_SECONDS = "86400";

    private final List<String> origins;

    public Cors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /** Adds the headers every answer to a cross-origin request carries; nothing for a same-origin or non-browser call. */
    public void onAnswer(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Headers response = exchange.getResponseHeaders();
        response.add("Vary", "Origin");
        if (origin == null || !allows(origin)) return;
        response.set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
        response.set("Access-Control-Expose-Headers", String.join(", ", TusProtocol.RESPONSE_HEADERS));
    }

    /** Whether the request is a browser's preflight (an {@code OPTIONS} asking for a method). */
    public static boolean isPreflight(HttpExchange exchange) {
        return "OPTIONS".equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method");
    }

    /** Adds what a preflight's answer carries beyond {@link #onAnswer}. */
    public void onPreflight(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || !allows(origin)) return;
        Headers response = exchange.getResponseHeaders();
        response.set("Access-Control-Allow-Methods", METHODS);
        response.set("Access-Control-Allow-Headers", String.join(", ", TusProtocol.REQUEST_HEADERS));
        response.set("Access-Control-Max-Age", MAX_AGE_SECONDS);
    }

    private boolean allows(String origin) {
        return origins.contains("*") || origins.contains(origin);
    }
}
