package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.LockSupport;

/**
 * One upload sent by a careful client while parts of Sluice crash: a chunk that gets no answer or
 * a 5xx is sent again (chunk PUTs are idempotent), the client asks the status what is missing and
 * sends that, and it repeats the finish (safe with the same body) until it answers 200. Any other
 * answer fails the test. It remembers which chunks were acknowledged (202), and what went wrong.
 */
final class RetryingUpload {

    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final SluiceClient client;
    private final byte[] file;
    private final int chunkSize;
    private final String uploadId;
    private final Set<Integer> acknowledged = new ConcurrentSkipListSet<>();
    /** What went wrong, counted by kind: a refused connection is retried many times in a row. */
    private final Map<String, Integer> failures = new ConcurrentSkipListMap<>();

    private RetryingUpload(SluiceClient client, byte[] file, int chunkSize, String uploadId) {
        this.client = client;
        this.file = file;
        this.chunkSize = chunkSize;
        this.uploadId = uploadId;
    }

    /** Creates the upload (201), with every component up. */
    static RetryingUpload create(SluiceClient client, String fileName, byte[] file, int chunkSize) {
        return new RetryingUpload(client, file, chunkSize, Uploads.create(client, fileName, file, chunkSize));
    }

    String uploadId() {
        return uploadId;
    }

    int chunkCount() {
        return Uploads.chunkCount(file, chunkSize);
    }

    String sha256() {
        return SluiceClient.sha256(file, 0, file.length);
    }

    /** The chunks answered 202 so far, in index order. */
    Set<Integer> acknowledged() {
        return new TreeSet<>(acknowledged);
    }

    /** What went wrong on the way (no answer, 5xx) and how often, for the test's report. */
    Map<String, Integer> failures() {
        return Map.copyOf(failures);
    }

    /**
     * One attempt at a chunk.
     *
     * @return true on 202; false on no answer or a 5xx, which a client retries
     */
    boolean trySend(int index) {
        int offset = index * chunkSize;
        int length = Math.min(chunkSize, file.length - offset);
        Optional<ApiAnswer> answer = attempt(() -> client.putChunk(uploadId, index, file, offset, length));
        if (answer.isEmpty()) return noteFailure("chunk " + index + ": no answer");
        if (answer.get().status() == 202) {
            acknowledged.add(index);
            return true;
        }
        if (answer.get().status() >= 500) return noteFailure("chunk " + index + ": " + answer.get().status());
        return fail("chunk %d of %s: %d %s", index, uploadId, answer.get().status(), answer.get().body());
    }

    /** Sends the chunk until it is acknowledged. */
    void send(int index, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!trySend(index)) {
            if (System.nanoTime() > deadline) fail("chunk %d of %s not acknowledged within %s; %s", index, uploadId, within, failures);
            pauseBeforeRetry();
        }
    }

    void sendAll(Iterable<Integer> indexes, Duration within) {
        for (int index : indexes) send(index, within);
    }

    /**
     * The upload's status, once it answers 200; a status call that gets no answer or a 5xx is
     * repeated until {@code within} runs out.
     */
    JsonNode status(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<ApiAnswer> answer = attempt(() -> client.status(uploadId));
            if (answer.isPresent() && answer.get().status() == 200) return answer.get().json();
            if (answer.isPresent() && answer.get().status() < 500) {
                fail("status of %s: %d %s", uploadId, answer.get().status(), answer.get().body());
            }
            if (System.nanoTime() > deadline) fail("no status of %s within %s; last: %s", uploadId, within, answer);
            pauseBeforeRetry();
        }
    }

    /** Asks the status which chunks are missing and sends those, once each (each until acknowledged). */
    void sendMissing(Duration within) {
        JsonNode status = status(within);
        sendAll(Uploads.indexes(status.get("missing")), within);
    }

    /**
     * Finishes: repeats the finish while it gets no answer, a 5xx or a 202 (the answer's wait ran
     * out), sends what a 409 {@code chunks_missing} names; returns the 200 answer.
     */
    ApiAnswer finish(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<ApiAnswer> answer = attempt(() -> client.finish(uploadId, file.length, sha256()));
            if (answer.isPresent()) {
                ApiAnswer finished = answer.get();
                if (finished.status() == 200) return finished;
                if (finished.status() == 409 && "chunks_missing".equals(finished.text("code"))) {
                    noteFailure("finish: chunks_missing " + finished.json().get("missing"));
                    sendAll(Uploads.indexes(finished.json().get("missing")), Duration.ofNanos(deadline - System.nanoTime()));
                } else if (finished.status() == 202 || finished.status() >= 500) {
                    noteFailure("finish: " + finished.status());
                } else {
                    fail("finish of %s: %d %s", uploadId, finished.status(), finished.body());
                }
            } else {
                noteFailure("finish: no answer");
            }
            if (System.nanoTime() > deadline) fail("%s not finished within %s; %s", uploadId, within, failures);
            pauseBeforeRetry();
        }
    }

    /**
     * Finish, then what a finished upload promises: the answer and the status name the client's
     * SHA-256, and the asset's bytes read back are the file's. Returns the asset id.
     */
    String finishAndVerify(Duration within) {
        ApiAnswer finished = finish(within);
        assertThat(finished.text("sha256")).as("sha256 in the finish answer").isEqualTo(sha256());
        assertThat(finished.json().get("size").asLong()).isEqualTo(file.length);
        JsonNode status = status(Duration.ofSeconds(10));
        assertThat(status.get("state").asText()).as("state of %s", uploadId).isEqualTo("finished");
        assertThat(status.get("sha256").asText()).isEqualTo(sha256());
        String assetId = finished.text("assetId");
        Uploads.assertReadable(client, assetId, file);
        return assetId;
    }

    /** No answer at all (refused connection, timeout) is empty; the test goes on. */
    private static Optional<ApiAnswer> attempt(java.util.function.Supplier<ApiAnswer> call) {
        try {
            return Optional.of(call.get());
        } catch (java.io.UncheckedIOException noAnswer) {
            return Optional.empty();
        }
    }

    private boolean noteFailure(String what) {
        failures.merge(what, 1, Integer::sum);
        return false;
    }

    /** A client's pause between retries: a refused connection comes back at once. */
    private static void pauseBeforeRetry() {
        LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        if (Thread.interrupted()) throw new IllegalStateException("interrupted between retries");
    }
}
