package io.sluice.blob.parts;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.sluice.blob.chunks.ChunkObjectWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The claim objects of parts ({@link MultipartAssembly#claimKey}): a claim holds the SHA-256 of the
 * only bytes its part may ever be written with, and is created only if absent.
 */
public final class PartClaims {

    /** A claim holds 64 hex digits; anything longer is not a claim. */
    private static final int CLAIM_BYTES = 64;

    private final ChunkObjectWriter writer;
    private final MinioClient client;
    private final String bucket;

    public PartClaims(ChunkObjectWriter writer, MinioClient client, String bucket) {
        this.writer = writer;
        this.client = client;
        this.bucket = bucket;
    }

    /**
     * Claims the chunk's part for these bytes' digest. True if the part is this digest's — claimed now
     * or before (a redelivery, or the same bytes sent twice) — false if another digest holds it.
     */
    public boolean claim(String uploadId, int index, String sha256Hex) throws Exception {
        String key = MultipartAssembly.claimKey(uploadId, index);
        byte[] claim = sha256Hex.getBytes(StandardCharsets.US_ASCII);
        if (writer.putIfAbsent(bucket, key, claim, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(claim)))) {
            return true;
        }
        return holder(uploadId, index).map(sha256Hex::equalsIgnoreCase).orElse(false);
    }

    /** The digest that holds the chunk's part, if it was claimed. */
    public Optional<String> holder(String uploadId, int index) throws Exception {
        String key = MultipartAssembly.claimKey(uploadId, index);
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            byte[] claim = in.readNBytes(CLAIM_BYTES + 1);
            return claim.length == CLAIM_BYTES ? Optional.of(new String(claim, StandardCharsets.US_ASCII))
                    : Optional.empty();
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) return Optional.empty();
            throw e;
        }
    }
}
