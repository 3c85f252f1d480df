package io.sluice.ingest.dashboard;

import io.sluice.ingest.http.StaticFiles.StaticFile;
import io.sluice.ingest.http.StaticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /dashboard}: the dashboard web page and the few static files it needs — its own script
 * and style, and uPlot (the chart library) from its webjar ({@link StaticFiles}).
 *
 * <p>The page holds no data: it asks for a token, keeps it in the page's memory only, and reads
 * the figures from {@code /v1/stats/stream} with it. Served with a content security policy that
 * allows scripts, styles and connections to this origin only, and no framing.
 */
public final class DashboardPage {

    public static final String PATH = "/dashboard";

    /**
     * Scripts, styles and fetches from this origin only; the data: image is the page's empty icon
     * (so the browser does not ask for /favicon.ico).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private DashboardPage() {}

    /** The page's files from the class path; fails at start, not on a request, if one is missing. */
    public static StaticFiles load() {
        String uplot = "META-INF/resources/webjars/uplot/" + webjarVersion("org.webjars.npm", "uplot") + "/dist/";
        return new StaticFiles(Map.of(
                PATH, StaticFile.of("text/html; charset=utf-8", "dashboard/index.html"),
                PATH + "/dashboard.js", StaticFile.of("text/javascript; charset=utf-8", "dashboard/dashboard.js"),
                PATH + "/dashboard.css", StaticFile.of("text/css; charset=utf-8", "dashboard/dashboard.css"),
                PATH + "/uplot/uPlot.iife.min.js", StaticFile.of("text/javascript; charset=utf-8", uplot + "uPlot.iife.min.js"),
                PATH + "/uplot/uPlot.min.css", StaticFile.of("text/css; charset=utf-8", uplot + "uPlot.min.css")),
                CONTENT_SECURITY_POLICY);
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
