package io.sluice.blob.chunks;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.errors.ErrorResponseException;
import java.util.concurrent.ExecutionException;

/**
 * Writes a chunk object in one PUT straight from the chunk's array, unless an object with the key
 * exists already.
 *
 * <p>Why a subclass: the SDK's public {@code putObject} takes a stream and copies it into a growing
 * buffer before sending, which for a 16 MiB chunk means up to 24 MiB of extra heap per PUT under way
 * (contract I7: every service runs at -Xmx256m). Its protected byte-array PUT sends the array as it is
 * (with Content-MD5, so the store checks what it received).
 *
 * <p>{@code If-None-Match: *} makes the write create-only, atomically on S3, MinIO and S3Proxy: the
 * key names the bytes' SHA-256, so an existing object already holds exactly these bytes, and a
 * redelivered chunk costs no upload. A store that ignores the header rewrites the same bytes, which
 * is as harmless.
 */
// "try": the SDK's close() may throw InterruptedException; this client is never closed on its own:
// ObjectStore closes the HTTP client it shares
@SuppressWarnings("try")
public final class ChunkObjectWriter extends MinioAsyncClient {

    private static final Multimap<String, String> CREATE_ONLY = ImmutableMultimap.of(
            "If-None-Match", "*",
            "Content-Type", "application/octet-stream");

    public ChunkObjectWriter(MinioAsyncClient client) {
        super(client);
    }

    /**
     * @return true if this call wrote the object, false if it was there already
     * @throws Exception what the SDK throws when the store cannot be reached or refuses the write
     */
    public boolean putIfAbsent(String bucket, String key, byte[] bytes) throws Exception {
        try {
            putObjectAsync(bucket, null, key, bytes, bytes.length, CREATE_ONLY, null).get();
            return true;
        } catch (ExecutionException e) {
            if (isPreconditionFailed(e.getCause())) return false;
            throwEncapsulatedException(e);
            throw e; // not reached: the SDK rethrows what it wrapped
        }
    }

    private static boolean isPreconditionFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponseException error) {
                return "PreconditionFailed".equals(error.errorResponse().code());
            }
        }
        return false;
    }
}
