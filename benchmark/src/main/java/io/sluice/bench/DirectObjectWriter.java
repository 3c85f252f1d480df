package io.sluice.bench;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.Part;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The baseline: objects PUT straight into the S3 server with the MinIO SDK, the way the blob
 * writer writes chunk objects (one PUT per object straight from a byte array; a subclass because
 * the SDK's public {@code putObject} copies its stream into a growing buffer first), and a large
 * file as one multipart upload whose parts go out {@code streams} at a time.
 *
 * <p>A request the store fails (5xx, or the connection breaks) is sent again after a short pause,
 * as a careful client would, and counted: S3Proxy reads every signed request body whole into its
 * heap, and with 64 PUTs of 16 MiB in flight its 256 MiB heap runs out now and then (measured:
 * {@code OutOfMemoryError} in its log, 500 to the client). The SDK itself never retries.
 */
// "try": the SDK's close() may throw InterruptedException; this client is never closed on its own
@SuppressWarnings("try")
final class DirectObjectWriter extends MinioAsyncClient {

    private static final Multimap<String, String> OCTETS = ImmutableMultimap.of("Content-Type", "application/octet-stream");
    private static final int MAX_ATTEMPTS = 5;
    private static final long BACKOFF_MILLIS = 200;

    private final AtomicLong retries = new AtomicLong();

    DirectObjectWriter(MinioAsyncClient client) {
        super(client);
    }

    /** One PUT of the whole object. */
    void put(String bucket, String key, byte[] bytes, int length) throws Exception {
        withRetries(() -> putObjectAsync(bucket, null, key, bytes, length, OCTETS, null).get());
    }

    /**
     * The file as one object: create a multipart upload, send its parts of {@code partSize} bytes
     * with up to {@code streams} in flight (generated in order, like Sluice's chunks), complete.
     */
    void putMultipart(String bucket, String key, GeneratedFile file, int partSize, int streams) throws Exception {
        String uploadId = withRetries(() -> createMultipartUploadAsync(bucket, null, key, OCTETS, null).get().result()
                .uploadId());
        AtomicReferenceArray<Part> parts = new AtomicReferenceArray<>(file.pieceCount(partSize));
        PiecePipeline.send(file, partSize, streams, (index, bytes, length) -> {
            String etag = withRetries(() -> uploadPartAsync(bucket, null, key, bytes, length, uploadId, index + 1, null,
                    null).get().etag());
            parts.set(index, new Part(index + 1, etag));
        });
        Part[] completed = new Part[parts.length()];
        for (int i = 0; i < completed.length; i++) completed[i] = parts.get(i);
        withRetries(() -> completeMultipartUploadAsync(bucket, null, key, uploadId, completed, null, null).get());
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T call() throws Exception;
    }

    /** Requests sent again after the store failed them, since this writer was made. */
    long retries() {
        return retries.get();
    }

    /** The SDK's futures wrap its exceptions: a transient one is retried, any other reported. */
    private <T> T withRetries(SdkCall<T> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (!isTransient(e.getCause()) || attempt == MAX_ATTEMPTS) {
                    throw new BenchFailure("direct PUT failed (attempt " + attempt + "): " + e.getCause(), e.getCause());
                }
                retries.incrementAndGet();
                Thread.sleep(BACKOFF_MILLIS * attempt); // a client's back-off before it tries again
            }
        }
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponseException error) return error.response().code() >= 500;
            if (cause instanceof ServerException error) return error.statusCode() >= 500;
            // not S3's XML error: the server's HTTP layer answered, e.g. Jetty's 500 page after an OOM
            if (cause instanceof InvalidResponseException || cause instanceof IOException) return true;
        }
        return false;
    }
}
