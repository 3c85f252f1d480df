package io.sluice.runtime.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RFC 9457 problems every component's own endpoints answer with ({@code not_found} for a path
 * no route claims, {@code unauthorized} for an admin route without an operator token), in the shape
 * of the ingest API's: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}.
 */
public final class ProblemResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponse() {}

    public static void send(HttpExchange exchange, int status, String code, String title, String detail,
            Map<String, String> headers) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:sluice:problem:" + code);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e); // a map of strings and a number always serializes
        }
        exchange.getRequestBody().close();
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
