package io.sluice.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes the API's answers: JSON documents, problem documents and empty responses. */
public final class Responses {

    public static final String JSON = "application/json";

    private Responses() {}

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        json(exchange, status, body, Map.of());
    }

    public static void json(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        send(exchange, status, JSON, Json.bytes(body), headers);
    }

    public static void problem(HttpExchange exchange, ApiException problem) throws IOException {
        byte[] body = Json.bytes(ProblemJson.of(problem, exchange.getRequestURI().getRawPath()));
        send(exchange, problem.code().status(), ProblemJson.CONTENT_TYPE, body, problem.headers());
    }

    /** A response without a body (204, or 202 for a DELETE still under way). */
    public static void empty(HttpExchange exchange, int status, Map<String, String> headers) throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, -1);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
            Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        headers.forEach(exchange.getResponseHeaders()::set);
        if ("HEAD".equals(exchange.getRequestMethod())) { // a HEAD answer has the headers only, never a body
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
