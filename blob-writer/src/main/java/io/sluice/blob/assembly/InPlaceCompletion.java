package io.sluice.blob.assembly;

import com.google.common.collect.ImmutableMultimap;
import io.minio.ListPartsResponse;
import io.minio.MinioAsyncClient;
import io.minio.messages.Part;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.parts.MultipartAssembly;
import io.sluice.blob.parts.PartClaims;
import io.sluice.events.ChunkRef;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadVerified;
import io.sluice.runtime.concurrent.BoundedConcurrency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Completes the asset's multipart upload from the parts its chunks were written as
 * ({@link io.sluice.blob.parts.MultipartAssembly}): a part counts only if its claim holds the
 * digest the session processor accepted for the chunk and its size is the chunk's; an accepted chunk
 * that was stored as a chunk object instead (its part was claimed by other bytes) is copied into its
 * part first. The completion names every part by the ETag it was checked with: a part written again
 * since fails the completion (the record is read again) instead of entering the asset.
 */
final class InPlaceCompletion {

    /** Claims read at once. */
    private static final int CONCURRENT_READS = 16;

    private final MinioAsyncClient client;
    private final String bucket;
    private final PartClaims claims;
    private final ChunkObjects chunkObjects;

    InPlaceCompletion(MinioAsyncClient client, String bucket, PartClaims claims, ChunkObjects chunkObjects) {
        this.client = client;
        this.bucket = bucket;
        this.claims = claims;
        this.chunkObjects = chunkObjects;
    }

    void complete(UploadVerified verified, String assetKey, String multipartUploadId) throws Exception {
        Map<Integer, Part> written = listParts(assetKey, multipartUploadId);
        List<ChunkRef> chunks = verified.getChunks();
        List<Optional<String>> holders = claimHolders(verified.getUploadId(), chunks);
        Part[] parts = new Part[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            ChunkRef chunk = chunks.get(i);
            int partNumber = MultipartAssembly.partNumber(chunk.getIndex());
            Part part = written.get(partNumber);
            boolean holds = holders.get(i).map(chunk.getSha256()::equalsIgnoreCase).orElse(false)
                    && part != null && part.partSize() == chunk.getLength();
            parts[i] = holds ? new Part(partNumber, part.etag())
                    : new Part(partNumber, copyIntoPart(chunk, assetKey, multipartUploadId, partNumber));
        }
        client.completeMultipartUploadAsync(bucket, null, assetKey, multipartUploadId, parts, null, null).get();
    }

    /** Every part written so far, by number (S3 lists at most 1,000 per page). */
    private Map<Integer, Part> listParts(String assetKey, String multipartUploadId) throws Exception {
        Map<Integer, Part> parts = new HashMap<>();
        int marker = 0;
        while (true) {
            ListPartsResponse page = client.listPartsAsync(bucket, null, assetKey, 1000, marker, multipartUploadId,
                    null, null).get();
            for (Part part : page.result().partList()) parts.put(part.partNumber(), part);
            if (!page.result().isTruncated()) return parts;
            int next = page.result().nextPartNumberMarker();
            if (next <= marker) return parts; // a store that pages without moving on: stop, what is missing is copied
            marker = next;
        }
    }

    private List<Optional<String>> claimHolders(String uploadId, List<ChunkRef> chunks) throws Exception {
        return BoundedConcurrency.map(chunks, CONCURRENT_READS, chunk -> claims.holder(uploadId, chunk.getIndex()));
    }

    /**
     * The accepted chunk's object, copied into its part (pinned to the ETag it was described with).
     * A chunk that is neither its part nor an object was lost: nothing brings it back.
     */
    private String copyIntoPart(ChunkRef chunk, String assetKey, String multipartUploadId, int partNumber)
            throws Exception {
        StoredChunk stored;
        try {
            stored = chunkObjects.describe(List.of(chunk)).getFirst();
        } catch (UnprocessableRecordException missing) {
            throw new UnprocessableRecordException(DeadLetterReason.PROCESSING_FAILED, "chunk " + chunk.getIndex()
                    + " of " + assetKey + " is neither its part nor a chunk object: " + missing.getMessage(), missing);
        }
        return client.uploadPartCopyAsync(bucket, null, assetKey, multipartUploadId, partNumber,
                ImmutableMultimap.of("x-amz-copy-source", "/" + bucket + "/" + chunk.getObjectKey(),
                        "x-amz-copy-source-if-match", Quoting.quoted(stored.etag())), null).get().result().etag();
    }
}
