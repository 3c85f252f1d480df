package io.sluice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A stack process whose memory the benchmark watches: resident set from {@code /proc/<pid>/status}
 * (Linux), and for a Sluice service its heap from its {@code /metrics} gauges.
 */
record SampledProcess(String name, long pid, Optional<URI> metrics) {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** {@code VmRSS} in bytes; empty where there is no {@code /proc} or the process is gone. */
    OptionalLong residentBytes() {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) return OptionalLong.of(kibibytes(line) * 1024);
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** A gauge of {@link io.sluice.runtime.http.Metrics}, e.g. {@code sluice_jvm_heap_used_bytes}. */
    OptionalLong gauge(HttpClient http, String name) throws InterruptedException {
        if (metrics.isEmpty()) return OptionalLong.empty();
        try {
            // Only the gauge asked for: full scrapes several times a second would take the services'
            // CPU from the very uploads being measured.
            URI gauge = URI.create(metrics.get() + "?name%5B%5D=" + name);
            String text = http.send(HttpRequest.newBuilder(gauge).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return firstValue(text, name);
        } catch (IOException e) {
            return OptionalLong.empty(); // a busy service may miss one scrape; the next one counts
        }
    }

    private static OptionalLong firstValue(String text, String name) {
        return text.lines().filter(line -> line.startsWith(name + "{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    private static long kibibytes(String statusLine) {
        String[] fields = statusLine.trim().split("\\s+");
        return Long.parseLong(fields[1]);
    }
}
