package io.sluice.blob.assembly;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.parts.AssetMultipartUploads;
import io.sluice.blob.parts.PartClaims;
import io.sluice.events.ChunkRef;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadVerified;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Makes a verified upload into one ordinary object at the asset's key, never holding the file in
 * memory (contract I7): an upload whose chunks were written as parts is completed in place
 * ({@link InPlaceCompletion}); chunk objects are composed server-side where S3's part rules allow it
 * (see {@link AssemblyStrategy}), copied by streaming otherwise.
 *
 * <p>Idempotent: an asset object already there with the verified size is the work of an earlier
 * attempt (S3 writes are all-or-nothing, and the key is the asset's alone), so it is kept; one of
 * another size is refused, never overwritten.
 */
public final class AssetAssembler {

    /** Part size of a streaming copy; the SDK buffers one part per copy. */
    public static final long STREAMING_PART_BYTES = 16L * 1024 * 1024;

    /** Streaming copies at once, each buffering one part: bounds their heap to about 2 × 24 MiB. */
    public static final int MAX_CONCURRENT_STREAMING_COPIES = 2;

    private static final HexFormat HEX = HexFormat.of();

    private final MinioClient client;
    private final String bucket;
    private final ChunkObjects chunkObjects;
    private final PartCopyComposer composer;
    private final AssetMultipartUploads multipartUploads;
    private final InPlaceCompletion inPlace;
    private final Semaphore streamingCopies = new Semaphore(MAX_CONCURRENT_STREAMING_COPIES);

    public AssetAssembler(MinioClient client, MinioAsyncClient asyncClient, String bucket,
            AssetMultipartUploads multipartUploads, PartClaims claims) {
        this.client = client;
        this.bucket = bucket;
        this.chunkObjects = new ChunkObjects(client, bucket);
        this.composer = new PartCopyComposer(asyncClient, bucket);
        this.multipartUploads = multipartUploads;
        this.inPlace = new InPlaceCompletion(asyncClient, bucket, claims, chunkObjects);
    }

    public AssemblyResult assemble(UploadVerified verified, String assetKey) throws Exception {
        if (isStored(assetKey, verified.getSize())) return AssemblyResult.ALREADY_STORED;
        requireChunksAddUp(verified);
        Optional<String> multipartUpload = inPlaceUpload(verified, assetKey);
        if (multipartUpload.isPresent()) {
            inPlace.complete(verified, assetKey, multipartUpload.get());
            multipartUploads.forget(assetKey);
            return AssemblyResult.COMPLETED_IN_PLACE;
        }
        List<StoredChunk> chunks = chunkObjects.describe(verified.getChunks());
        String contentType = ContentTypes.forObject(verified.getContentType());
        return switch (AssemblyStrategy.choose(verified.getChunks())) {
            case COMPOSE -> {
                compose(chunks, assetKey, contentType);
                yield AssemblyResult.COMPOSED;
            }
            case STREAMING_COPY -> {
                streamingCopy(chunks, assetKey, contentType, verified.getSize(), verified.getSha256());
                yield AssemblyResult.STREAMED;
            }
        };
    }

    /** The asset's multipart upload, if its acceptance began one (its chunks were written as its parts). */
    private Optional<String> inPlaceUpload(UploadVerified verified, String assetKey) {
        List<ChunkRef> chunks = verified.getChunks();
        if (chunks.size() < 2 || AssemblyStrategy.choose(chunks) != AssemblyStrategy.COMPOSE) return Optional.empty();
        return multipartUploads.find(assetKey).join();
    }

    /**
     * Server-side: one part per chunk object ({@link PartCopyComposer}). Each source names the ETag it
     * had when described, so a changed object fails the copy instead of slipping in.
     */
    void compose(List<StoredChunk> chunks, String assetKey, String contentType) throws Exception {
        if (chunks.size() == 1) {
            // A one-source compose is a plain copy in the SDK, which would keep the chunk's Content-Type.
            StoredChunk only = chunks.getFirst();
            client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(assetKey)
                    .source(CopySource.builder().bucket(bucket).object(only.chunk().getObjectKey())
                            .matchETag(Quoting.quoted(only.etag())).build())
                    .metadataDirective(Directive.REPLACE)
                    .headers(Map.of("Content-Type", contentType))
                    .build());
            return;
        }
        composer.compose(chunks, assetKey, contentType);
    }

    /**
     * Reads the chunk objects in order into a multipart upload of {@link #STREAMING_PART_BYTES} parts,
     * hashing on the way: the bytes passed through here anyway, so the asset is checked against the
     * verified SHA-256 for free.
     */
    void streamingCopy(List<StoredChunk> chunks, String assetKey, String contentType, long size, String sha256)
            throws Exception {
        streamingCopies.acquire();
        try (DigestInputStream in = new DigestInputStream(new ChunkObjectsInputStream(client, bucket, chunks),
                MessageDigest.getInstance("SHA-256"))) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(assetKey)
                    .stream(in, size, STREAMING_PART_BYTES).contentType(contentType).build());
            String actual = HEX.formatHex(in.getMessageDigest().digest());
            if (!actual.equalsIgnoreCase(sha256)) {
                client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(assetKey).build());
                throw new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED, "the chunk objects of "
                        + assetKey + " hash to " + actual + ", the upload was verified as " + sha256);
            }
        } finally {
            streamingCopies.release();
        }
    }

    /** Begins the multipart upload of an accepted upload assembled in place, unless one is under way. */
    public void beginInPlace(String assetKey, String contentType) {
        multipartUploads.begin(assetKey, ContentTypes.forObject(contentType)).join();
    }

    /** Aborts the multipart upload of an upload that ended without an asset; returns how many it aborted. */
    public int abandon(String assetKey) throws Exception {
        return multipartUploads.abortAll(assetKey);
    }

    /** Removes a deleted asset's object; S3 answers a removal of a missing key with success. */
    public void delete(String assetKey) throws Exception {
        client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(assetKey).build());
    }

    /**
     * Whether the asset object is there already. One of another size is another upload's asset
     * under the same key (an upload id used again after its upload was forgotten): it is never
     * overwritten.
     */
    private boolean isStored(String assetKey, long size) throws Exception {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(assetKey).build());
            if (stat.size() == size) return true;
            throw new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED, "an asset object of "
                    + stat.size() + " bytes is already at " + assetKey + ", and it is never overwritten");
        } catch (ErrorResponseException e) {
            if (S3Errors.isNoSuchKey(e)) return false;
            throw e;
        }
    }

    private static void requireChunksAddUp(UploadVerified verified) throws UnprocessableRecordException {
        long total = 0;
        List<ChunkRef> chunks = verified.getChunks();
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).getIndex() != i) {
                throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                        "chunk " + i + " of " + verified.getUploadId() + " is listed as index " + chunks.get(i).getIndex());
            }
            total += chunks.get(i).getLength();
        }
        if (chunks.isEmpty() || total != verified.getSize()) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT, "the " + chunks.size()
                    + " chunks of " + verified.getUploadId() + " add up to " + total + " bytes, not " + verified.getSize());
        }
    }
}
