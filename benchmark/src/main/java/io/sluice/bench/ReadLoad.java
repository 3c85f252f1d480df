package io.sluice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads against the API from many clients at once: each client sends its share of the requests
 * one after the other, every answer is read whole, and its latency (sent → last byte) recorded.
 * An answer other than 200 counts as an error, not as a latency.
 */
final class ReadLoad {

    record Result(Percentiles latency, int errors) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String apiUrl;
    private final String token;

    ReadLoad(String apiUrl, String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /** @param path the path of request {@code n}, e.g. an asset picked at random */
    Result run(int clients, int requests, IntFunction<String> path) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path.apply(n)))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build();
                        long sent = System.nanoTime();
                        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (answer.statusCode() == 200) nanos.add(System.nanoTime() - sent);
                        else errors.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) client.get();
        }
        return new Result(nanos.isEmpty() ? null : Percentiles.ofNanos(nanos), errors.get());
    }

    /** A random pick from {@code ids}, the same sequence every run. */
    static IntFunction<String> randomOf(List<String> ids, String pathPrefix) {
        Random random = new Random(13);
        int[] picks = random.ints(Math.max(1, ids.size() * 4L), 0, ids.size()).toArray();
        return n -> pathPrefix + ids.get(picks[n % picks.length]);
    }
}
