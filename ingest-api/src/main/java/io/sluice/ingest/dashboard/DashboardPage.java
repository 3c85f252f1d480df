package io.sluice.ingest.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.runtime.http.ProblemResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /dashboard}: the dashboard web page and the few static files it needs — its own script
 * and style, and uPlot (the chart library) from its webjar. A fixed list of files read from the
 * class path at start, so no request path ever reaches a file system or a class-path lookup.
 *
 * <p>The page holds no data: it asks for a token, keeps it in the page's memory only, and reads
 * the figures from {@code /v1/stats/stream} with it. Served with a content security policy that
 * allows scripts, styles and connections to this origin only, and no framing.
 */
public final class DashboardPage implements HttpHandler {

    public static final String PATH = "/dashboard";

    /**
     * Scripts, styles and fetches from this origin only; the data: image is the page's empty icon
     * (so the browser does not ask for /favicon.ico).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record StaticFile(String contentType, byte[] bytes) {}

    private final Map<String, StaticFile> files;

    private DashboardPage(Map<String, StaticFile> files) {
        this.files = files;
    }

    /** Reads the page's files from the class path; fails at start, not on a request, if one is missing. */
    public static DashboardPage load() {
        String uplot = "META-INF/resources/webjars/uplot/" + webjarVersion("org.webjars.npm", "uplot") + "/dist/";
        return new DashboardPage(Map.of(
                PATH, file("text/html; charset=utf-8", "dashboard/index.html"),
                PATH + "/dashboard.js", file("text/javascript; charset=utf-8", "dashboard/dashboard.js"),
                PATH + "/dashboard.css", file("text/css; charset=utf-8", "dashboard/dashboard.css"),
                PATH + "/uplot/uPlot.iife.min.js", file("text/javascript; charset=utf-8", uplot + "uPlot.iife.min.js"),
                PATH + "/uplot/uPlot.min.css", file("text/css; charset=utf-8", uplot + "uPlot.min.css")));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            StaticFile file = files.get(path.equals(PATH + "/") ? PATH : path);
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
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
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

    private static StaticFile file(String contentType, String resource) {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing from the class path: " + resource);
            return new StaticFile(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a webjar on the class path, from the pom.properties Maven packs into it. */
    private static String webjarVersion(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing from the class path: " + resource);
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
