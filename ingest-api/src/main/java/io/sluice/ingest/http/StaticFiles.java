package io.sluice.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.runtime.http.ProblemResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A fixed set of files read from the class path at start and served by path — so no request path
 * ever reaches a file system or a class-path lookup — with {@code GET} and {@code HEAD} only, no
 * token, and the given content security policy. The dashboard page and the OpenAPI document.
 */
public final class StaticFiles implements HttpHandler {

    /** One file: its type and bytes. */
    public record StaticFile(String contentType, byte[] bytes) {

        /** Reads a class-path resource; fails at start, not on a request, if it is missing. */
        public static StaticFile of(String contentType, String resource) {
            try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing from the class path: " + resource);
                return new StaticFile(contentType, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Map<String, StaticFile> files;
    private final String contentSecurityPolicy;

    /** @param files by request path; a path ending in {@code /} is served as the path without it */
    public StaticFiles(Map<String, StaticFile> files, String contentSecurityPolicy) {
        this.files = Map.copyOf(files);
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            StaticFile file = files.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            if (file == null) {
                ProblemResponse.send(exchange, 404, "not_found", "Not found", "no such resource", Map.of());
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                ProblemResponse.send(exchange, 405, "method_not_allowed", "Method not allowed",
                        method + " is not allowed here", Map.of());
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy);
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, file.bytes().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(file.bytes());
            }
        }
    }
}
