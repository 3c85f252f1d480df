package io.sluice.blob.chunks;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.credentials.Credentials;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.InternalException;
import io.minio.http.Method;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Writes a chunk object in one PUT straight from the chunk's array, unless an object with the key
 * exists already.
 *
 * <p>Why a subclass: the SDK's public {@code putObject} takes a stream and copies it into a growing
 * buffer before sending, which for a 16 MiB chunk means up to 24 MiB of extra heap per PUT under way
 * (contract I7: every service runs at -Xmx256m). Its protected byte-array PUT sends the array as it is.
 * And that PUT would hash the chunk twice more — MD5 for {@code Content-MD5}, SHA-256 to sign the
 * payload over plain HTTP — though the blob writer has just verified the chunk's SHA-256: the request
 * is made here with that digest as its signed {@code x-amz-content-sha256} and no {@code Content-MD5}.
 * The store still checks what it received: S3, MinIO and S3Proxy refuse a body whose SHA-256 is not
 * the signed one.
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

    private static final byte[] NO_BYTES = new byte[0];
    private static final MediaType OCTET_STREAM = MediaType.parse("application/octet-stream");

    /** The verified SHA-256 of each chunk array being PUT, by identity, for {@link #createRequest}. */
    private final Map<byte[], String> verifiedSha256 = new ConcurrentHashMap<>();

    public ChunkObjectWriter(MinioAsyncClient client) {
        super(client);
    }

    /**
     * @param sha256Hex the bytes' SHA-256, verified by the caller: the store is told it and checks it
     * @return true if this call wrote the object, false if it was there already
     * @throws Exception what the SDK throws when the store cannot be reached or refuses the write
     */
    public boolean putIfAbsent(String bucket, String key, byte[] bytes, String sha256Hex) throws Exception {
        return signedWith(bytes, sha256Hex, () -> {
            try {
                putObjectAsync(bucket, null, key, bytes, bytes.length, CREATE_ONLY, null).get();
                return true;
            } catch (ExecutionException e) {
                if (isPreconditionFailed(e.getCause())) return false;
                throw e;
            }
        });
    }

    /**
     * Uploads the chunk as a part of a multipart upload, signed with its verified SHA-256 as
     * {@link #putIfAbsent} is (no {@code Content-MD5}, the bytes not hashed again).
     */
    public void uploadPart(String bucket, String key, String multipartUploadId, int partNumber, byte[] bytes,
            String sha256Hex) throws Exception {
        signedWith(bytes, sha256Hex, () -> uploadPartAsync(bucket, null, key, bytes, bytes.length, multipartUploadId,
                partNumber, null, null).get());
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws Exception;
    }

    /** Runs the call with the array's verified digest known to {@link #createRequest}; SDK failures unwrapped. */
    private <T> T signedWith(byte[] bytes, String sha256Hex, Call<T> call) throws Exception {
        verifiedSha256.put(bytes, sha256Hex);
        try {
            return call.run();
        } catch (ExecutionException e) {
            throwEncapsulatedException(e);
            throw e; // not reached: the SDK rethrows what it wrapped
        } finally {
            verifiedSha256.remove(bytes);
        }
    }

    /**
     * The SDK's request for the chunk's PUT, without hashing its bytes again: made for an empty body
     * (whose digests cost nothing), then given the chunk as body, its verified SHA-256 as the payload
     * digest the SDK signs, and no {@code Content-MD5}.
     */
    @Override
    protected Request createRequest(HttpUrl url, Method method, Headers headers, Object body, int length,
            Credentials credentials) throws InsufficientDataException, InternalException, IOException,
            NoSuchAlgorithmException {
        String sha256 = body instanceof byte[] bytes && length == bytes.length ? verifiedSha256.get(bytes) : null;
        if (sha256 == null || credentials == null) return super.createRequest(url, method, headers, body, length, credentials);
        Request empty = super.createRequest(url, method, headers, NO_BYTES, 0, credentials);
        return empty.newBuilder()
                .removeHeader("Content-MD5")
                .header("x-amz-content-sha256", sha256)
                .method(method.toString(), RequestBody.create((byte[]) body, OCTET_STREAM))
                .build();
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
