package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.TestDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in a real browser (headless Chromium): after a known run — N uploads finished,
 * M failed on a checksum mismatch, B bytes received — the page, given the tenant's token, shows
 * exactly N, M and B; it changes live when one more upload finishes; a hostile file name stays
 * text; the token is kept nowhere but the page's memory; the console stays free of errors.
 */
@OnSharedPipeline
class DashboardBrowserTest {

    private static final String TENANT = "umbrella";
    private static final int CHUNK = 64 * 1024;
    private static final int FINISHED = 2;
    private static final int FAILED = 1;
    private static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='owned'\">.png";

    private static InProcessPipeline pipeline;
    private static SluiceClient client;
    private static long bytesReceived;
    private static ChromeDriver browser;

    @BeforeAll
    static void runKnownWorkloadAndOpenTheBrowser(InProcessPipeline shared) throws Exception {
        pipeline = shared;
        client = shared.countedTenantClient(TENANT);
        browser = HeadlessChromium.start(TestDirectories.newDirectory("chromium"));
        for (int i = 0; i < FINISHED; i++) {
            byte[] file = randomFile(CHUNK + 4_321 * (i + 1), 400 + i);
            upload(i == 0 ? HOSTILE_NAME : "holiday-" + i + ".jpg", file);
            bytesReceived += file.length;
        }
        for (int i = 0; i < FAILED; i++) {
            byte[] file = randomFile(CHUNK + 7, 410 + i);
            String uploadId = create(client, "corrupt-" + i + ".bin", file, CHUNK);
            sendAll(client, uploadId, file, CHUNK);
            assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(new byte[1], 0, 1)), 422,
                    "checksum_mismatch");
            bytesReceived += file.length;
        }
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void thePageShowsTheRunExactlyAndChangesLiveWhenAnUploadFinishes() throws Exception {
        browser.manage().logs().get(LogType.BROWSER); // drops what another test's page logged (a refused token's 401)
        browser.get(pipeline.baseUrl() + "/dashboard");
        assertThat(browser.getTitle()).isEqualTo("Sluice dashboard");
        browser.findElement(By.id("token")).sendKeys(client.token());
        browser.findElement(By.id("connect")).click();

        awaitText("count-finished", Integer.toString(FINISHED));
        awaitText("count-failed", Integer.toString(FAILED));
        awaitText("bytes-received", String.format("%,d", bytesReceived));
        assertThat(text("count-open")).isEqualTo("0");
        WebElement failure = browser.findElement(By.cssSelector("#failures tr[data-reason='checksum_mismatch']"));
        assertThat(failure.getText()).endsWith(Integer.toString(FAILED));
        List<WebElement> recent = browser.findElements(By.cssSelector("#recent-uploads tbody tr[data-upload-id]"));
        assertThat(recent).hasSize(FINISHED);
        assertThat(browser.findElements(By.cssSelector("#recent-uploads a")))
                .anyMatch(link -> link.getText().equals(HOSTILE_NAME));
        assertThat(browser.findElements(By.cssSelector("#recent-uploads img"))).as("a file name is text, not markup")
                .isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Sluice dashboard");
        assertThat(browser.findElements(By.cssSelector("#throughput-chart canvas"))).as("the chart").isNotEmpty();
        Object stored = ((JavascriptExecutor) browser).executeScript(
                "return localStorage.length + sessionStorage.length + document.cookie.length");
        assertThat(((Number) stored).longValue()).as("the token is kept in memory only").isZero();
        assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEmpty();
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path kept = Path.of(System.getProperty("sluice.build.dir", "target"), "dashboard.png");
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);

        byte[] file = randomFile(CHUNK * 2 + 5, 420);
        upload("one-more.mov", file);
        awaitText("count-finished", Integer.toString(FINISHED + 1));
        awaitText("bytes-received", String.format("%,d", bytesReceived + file.length));
        assertThat(browser.findElements(By.cssSelector("#recent-uploads a")).getFirst().getText())
                .isEqualTo("one-more.mov");

        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("the JavaScript console's errors").isEmpty();
    }

    @Test
    void aTokenTheApiDoesNotKnowIsRefusedOnThePage() {
        browser.get(pipeline.baseUrl() + "/dashboard");
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.id("connect")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                d -> text("connection-state").contains("not accepted"));
        assertThat(browser.findElement(By.id("figures")).isDisplayed()).isFalse();
    }

    private static void upload(String name, byte[] file) {
        String uploadId = create(client, name, file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        finish(client, uploadId, file);
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void awaitText(String id, String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text(id).equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " shows \"" + text(id) + "\", not \"" + expected + "\"; page state: "
                    + text("connection-state"), e);
        }
    }
}
