package io.sluice.blob.assembly;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One small S3 request per item (a HEAD, a GET of a claim), a few at a time on virtual threads: an
 * upload can have thousands of chunks, and one request after the other would make its assembly wait
 * for thousands of round trips.
 */
final class BoundedRequests {

    @FunctionalInterface
    interface Request<T, R> {
        R send(T item) throws Exception;
    }

    private BoundedRequests() {}

    /** The answers in the items' order; the first failure cancels the rest and is thrown. */
    static <T, R> List<R> each(List<T> items, int atOnce, Request<T, R> request) throws Exception {
        Semaphore permits = new Semaphore(atOnce);
        List<Future<R>> answers = new ArrayList<>(items.size());
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                answers.add(requests.submit(() -> {
                    permits.acquire();
                    try {
                        return request.send(item);
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> answer : answers) {
                try {
                    results.add(answer.get());
                } catch (ExecutionException e) {
                    answers.forEach(pending -> pending.cancel(true));
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        }
    }
}
