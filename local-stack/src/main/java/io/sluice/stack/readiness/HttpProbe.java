package io.sluice.stack.readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ready when a GET answers 200 (a health endpoint: the registry's and every service's). */
public final class HttpProbe implements ReadinessProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI uri;
    private final HttpClient client;

    public HttpProbe(URI uri) {
        this.uri = uri;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public ProbeResult check() {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? ProbeResult.isReady() : ProbeResult.notReady("GET " + uri + " answered " + status);
        } catch (IOException e) {
            return ProbeResult.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.notReady("interrupted");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
