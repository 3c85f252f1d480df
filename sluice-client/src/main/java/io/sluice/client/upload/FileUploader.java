package io.sluice.client.upload;

import io.sluice.client.Asset;
import io.sluice.client.CreatedUpload;
import io.sluice.client.NewUpload;
import io.sluice.client.SluiceApi;
import io.sluice.client.SluiceApiException;
import io.sluice.client.UploadStatus;
import io.sluice.client.VerificationFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Uploads one file: opens an upload (or resumes the one the {@link ResumeStore} remembers, sending
 * only the chunks the server says it misses), sends the chunks on parallel streams ({@link ChunkSender}),
 * finishes with the file's SHA-256 — computed while the chunks go — and checks that the asset the
 * server answers has it. An upload cut off (Ctrl-C, a lost connection) stays remembered, so the same
 * call later resumes it; one that finished or is gone is forgotten.
 */
public final class FileUploader {

    /** How long a finish the server answered with 202 (still storing) is followed before giving up. */
    static final Duration FINISH_DEADLINE = Duration.ofMinutes(10);
    /** Finishes refused for missing chunks (sent again each time) before the refusal stands. */
    static final int MAX_FINISH_ATTEMPTS = 5;

    /**
     * @param streams chunks in flight at once
     * @param chunkSize 0 for the server's default
     * @param fileName the name the upload gets, or null for the file's own
     */
    public record Options(int streams, int chunkSize, String contentType, String fileName) {
        public Options {
            if (streams < 1) throw new IllegalArgumentException("streams must be at least 1");
        }
    }

    /** A finished upload: its asset, whether it was resumed, and how many bytes this call sent. */
    public record Result(String uploadId, Asset asset, boolean resumed, long bytesSent) {}

    private final SluiceApi api;
    private final ResumeStore store;

    public FileUploader(SluiceApi api, ResumeStore store) {
        this.api = api;
        this.store = store;
    }

    public Result upload(Path file, Options options, UploadListener listener) throws IOException, InterruptedException {
        Path path = file.toAbsolutePath().normalize();
        long size = Files.size(path);
        if (size == 0) throw new IllegalArgumentException(file + " is empty: an upload has at least one byte");
        ResumeStore.Key key = new ResumeStore.Key(api.http().base().toString(), path.toString(), size,
                Files.getLastModifiedTime(path).toMillis());
        ExecutorService hashing = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("sha256").factory());
        try {
            Future<String> sha256 = hashing.submit(() -> FileHash.sha256(path));
            Target target = resumeOrOpen(key, path, size, options);
            listener.started(target.uploadId(), size, size - target.bytesToSend(path, size), target.resumed());
            ChunkSender sender = new ChunkSender(api, path, target.uploadId(), target.chunkSize(), size, options.streams());
            long sent = sender.send(target.toSend(), listener);
            listener.finishing();
            String hash = await(sha256);
            Asset asset = finish(key, target.uploadId(), size, hash, sender, listener);
            store.forget(key);
            return new Result(target.uploadId(), asset, target.resumed(), sent);
        } finally {
            hashing.shutdownNow();
        }
    }

    /** The upload to send to, and which chunks it needs. */
    private record Target(String uploadId, int chunkSize, List<Integer> toSend, boolean resumed) {
        long bytesToSend(Path path, long size) {
            long bytes = 0;
            for (int index : toSend) bytes += Math.min(chunkSize, size - (long) index * chunkSize);
            return bytes;
        }
    }

    private Target resumeOrOpen(ResumeStore.Key key, Path path, long size, Options options)
            throws IOException, InterruptedException {
        Optional<String> remembered = store.find(key);
        if (remembered.isPresent()) {
            Optional<UploadStatus> status = statusOf(remembered.get());
            if (status.isPresent() && !status.get().isGone()) {
                List<Integer> missing = status.get().isOpen() ? api.missingChunks(remembered.get()) : List.of();
                return new Target(remembered.get(), status.get().chunkSize(), missing, true);
            }
            store.forget(key);
        }
        String name = options.fileName() != null ? options.fileName() : path.getFileName().toString();
        CreatedUpload created = api.create(NewUpload.of(name, options.contentType(), size, options.chunkSize()));
        store.remember(key, created.uploadId());
        return new Target(created.uploadId(), created.chunkSize(),
                IntStream.range(0, created.chunkCount()).boxed().toList(), false);
    }

    private Optional<UploadStatus> statusOf(String uploadId) throws InterruptedException {
        try {
            return Optional.of(api.status(uploadId));
        } catch (SluiceApiException e) {
            if (e.status() == 404) return Optional.empty(); // forgotten after its retention, or another server's
            throw e;
        }
    }

    /**
     * Finishes, sending again what the server says is missing (chunks sent but refused, e.g. too far
     * ahead), and follows a finish still storing until the upload is finished.
     */
    private Asset finish(ResumeStore.Key key, String uploadId, long size, String sha256, ChunkSender sender,
            UploadListener listener) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                SluiceApi.FinishAnswer answer = api.finish(uploadId, size, sha256);
                Asset asset = answer.finished() ? answer.asset() : awaitFinished(uploadId);
                if (!asset.sha256().equals(sha256) || asset.size() != size) {
                    throw new VerificationFailedException("the asset " + asset.assetId() + " is not the file: SHA-256 "
                            + asset.sha256() + ", " + asset.size() + " bytes; the file has " + sha256 + ", " + size);
                }
                return asset;
            } catch (SluiceApiException e) {
                if ("chunks_missing".equals(e.code()) && attempt < MAX_FINISH_ATTEMPTS) {
                    sender.send(api.missingChunks(uploadId), listener);
                    continue;
                }
                if ("checksum_mismatch".equals(e.code()) || "size_mismatch".equals(e.code())) {
                    store.forget(key);
                    throw new VerificationFailedException("the server refused the file's SHA-256 (" + e.getMessage()
                            + "): did the file change while it was uploaded?");
                }
                throw e;
            }
        }
    }

    private Asset awaitFinished(String uploadId) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            UploadStatus status = api.status(uploadId);
            if (status.isFinished()) return api.asset(status.assetId());
            if (status.isGone()) throw new VerificationFailedException("the upload " + uploadId + " ended " + status.state());
            Thread.sleep(500); // polling with a deadline: the status says when storing is done
        }
        throw new IllegalStateException("the upload " + uploadId + " was still finishing after "
                + FINISH_DEADLINE.toMinutes() + " minutes; run the command again to follow it");
    }

    private static String await(Future<String> hash) throws IOException, InterruptedException {
        try {
            return hash.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException("hashing the file failed", e.getCause());
        } catch (CancellationException e) {
            throw new InterruptedException("hashing was cancelled");
        }
    }
}
