package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.sluice.client.ApiAnswer;
import io.sluice.testkit.TestDirectories;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Uppy ({@code @uppy/core} 6.3.1, {@code @uppy/dashboard} 6.0.3, {@code @uppy/tus} 6.0.0), unmodified, in
 * headless Chromium: a web app's page on another origin than the API, through Uppy's Dashboard — pick
 * files, press upload — to Sluice's tus endpoint. Every file finishes as a Sluice upload and reads back
 * equal; the page's console has no error (a CORS refusal would be one).
 */
@OnSharedPipeline
class UppyBrowserTest {

    static final int MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static InProcessPipeline pipeline;
    private static SluiceClient client;
    private static HttpServer page;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildThePageAndOpenTheBrowser(InProcessPipeline shared) throws Exception {
        NodeClients.require("@uppy/dashboard");
        pipeline = shared;
        client = shared.client();
        Path site = TestDirectories.newDirectory("uppy-page");
        NodeClients.Run built = NodeClients.run("build-uppy-page.mjs", List.of(site.toString()), Map.of(), 120);
        assertThat(built.exitCode()).as(built.output()).isZero();
        page = serve(site);
        browser = HeadlessChromium.start(TestDirectories.newDirectory("chromium-uppy"));
    }

    @AfterAll
    static void closeTheBrowserAndThePage() {
        if (browser != null) browser.quit();
        if (page != null) page.stop(0);
    }

    @Test
    void shouldUploadTheFilesPickedInUppysDashboardFromAnotherOrigin() throws Exception {
        Path files = TestDirectories.newDirectory("uppy-files");
        byte[] large = Uploads.randomFile(5 * MIB + 3, 1701);
        byte[] small = Uploads.randomFile(700_000, 1702);
        Path largeFile = Files.write(files.resolve("large photo.jpg"), large);
        Path smallFile = Files.write(files.resolve("notes.txt"), small);

        browser.get(pageUrl(2 * MIB));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> !driver.findElements(By.cssSelector("input.uppy-Dashboard-input[name='files[]']")).isEmpty());
        browser.findElement(By.cssSelector("input.uppy-Dashboard-input[name='files[]']"))
                .sendKeys(largeFile + "\n" + smallFile);
        wait.until(driver -> !driver.findElements(By.cssSelector(".uppy-StatusBar-actionBtn--upload")).isEmpty());
        browser.findElement(By.cssSelector(".uppy-StatusBar-actionBtn--upload")).click();

        String outcome = new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(driver -> {
                    String text = driver.findElement(By.id("result")).getText();
                    return text.isBlank() ? null : text;
                });
        JsonNode result = JSON.readTree(outcome);
        assertThat(result.path("failed")).as(outcome).isEmpty();
        assertThat(result.path("successful")).hasSize(2);
        for (JsonNode uploaded : result.path("successful")) {
            byte[] file = uploaded.path("name").asText().equals("notes.txt") ? small : large;
            assertFinishedAndReadsBack(uploaded.path("url").asText(), uploaded.path("name").asText(), file);
        }
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("console errors").isEmpty();
    }

    private static void assertFinishedAndReadsBack(String url, String name, byte[] file) {
        assertThat(url).as(name).contains("/v1/tus/up_");
        ApiAnswer status = client.status(url.substring(url.lastIndexOf('/') + 1));
        assertThat(status.text("state")).as("%s", status.body()).isEqualTo("finished");
        assertThat(status.text("fileName")).isEqualTo(name);
        SluiceClient.ContentDigest content = client.contentDigest(status.text("assetId"));
        assertThat(content.bytes()).isEqualTo(file.length);
        assertThat(content.sha256()).isEqualTo(SluiceClient.sha256(file, 0, file.length));
    }

    /** The page's address, the endpoint and token in its fragment: the page's own server never sees them. */
    private static String pageUrl(int chunkSize) {
        return "http://127.0.0.1:" + page.getAddress().getPort() + "/index.html#endpoint="
                + URLEncoder.encode(pipeline.baseUrl() + "/v1/tus/", StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(client.token(), StandardCharsets.UTF_8) + "&chunkSize=" + chunkSize;
    }

    /** The built page on its own port: another origin than the API's. */
    private static HttpServer serve(Path site) throws Exception {
        Map<String, String> types = Map.of("index.html", "text/html; charset=utf-8",
                "uppy-page.js", "text/javascript; charset=utf-8", "uppy-page.css", "text/css; charset=utf-8");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(1);
                if (!types.containsKey(name)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = Files.readAllBytes(site.resolve(name));
                exchange.getResponseHeaders().set("Content-Type", types.get(name));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server;
    }
}
