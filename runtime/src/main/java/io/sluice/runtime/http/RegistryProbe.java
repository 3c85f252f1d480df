package io.sluice.runtime.http;

import io.sluice.runtime.service.DependencyProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ready when the schema registry's Confluent API lists its subjects. */
public final class RegistryProbe implements DependencyProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI subjects;

    public RegistryProbe(String registryUrl) {
        this.subjects = URI.create(registryUrl.replaceAll("/+$", "") + "/subjects");
    }

    @Override
    public String name() {
        return "schema registry";
    }

    @Override
    public void check() throws Exception {
        HttpResponse<Void> response = http.send(
                HttpRequest.newBuilder(subjects).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode());
    }
}
