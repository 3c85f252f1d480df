package io.sluice.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and ChromeDriver (packages {@code chromium}, {@code chromium-driver}), driven by
 * Selenium, headless. The paths are given to Selenium, so Selenium Manager never tries to download
 * a browser (this network is closed). Where neither exists the test is skipped with the reason —
 * except in CI ({@code SLUICE_CI} set), where {@code .ci/run} installs them and their absence fails.
 */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of(env("SLUICE_CHROMIUM").orElse("/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("SLUICE_CHROMEDRIVER").orElse("/usr/bin/chromedriver"));

    private HeadlessChromium() {}

    /** Starts a browser with its console log kept; skips the test (or fails, in CI) if there is none. */
    static ChromeDriver start(Path userDataDir) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "no headless browser here: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " must exist (apt-get install chromium chromium-driver; .ci/run does)";
            MissingTool.stop(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container needs --no-sandbox; the rest keeps Chromium off the (closed) network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100", "--user-data-dir=" + userDataDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withEnvironment(Map.of()).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
