package io.sluice.blob.parts;

import io.sluice.blob.assembly.AssemblyStrategy;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.util.Locale;
import java.util.Optional;

/**
 * Which uploads are assembled in place: their chunks are written as the parts of a multipart upload
 * of the asset's key, begun when the upload is accepted and completed when it is verified, so the store
 * writes each byte once instead of writing chunk objects and then copying them into the asset.
 *
 * <p>Rule: an upload of at least two chunks, every chunk but the last of at least
 * {@value AssemblyStrategy#MIN_PART_BYTES} bytes, at most {@value AssemblyStrategy#MAX_PARTS} chunks —
 * S3's part rules, each chunk one part. A one-chunk upload keeps its chunk object and a server-side
 * copy (one request; a multipart upload would cost three).
 *
 * <p>Contract I6 holds because a part number is written with one content only: before its first
 * write, a chunk claims its part with a create-only <em>claim object</em> holding its SHA-256
 * ({@link #claimKey}). A chunk whose claim finds another digest is stored as a chunk object, as every
 * chunk was before; the assembly copies it into its part only if it is the one the session processor
 * accepted, and the completion names every part by the ETag it was checked with, so a part that
 * changed fails the completion instead of entering the asset.
 */
public final class MultipartAssembly {

    private MultipartAssembly() {}

    public static boolean eligible(int chunkSize, int chunkCount) {
        return chunkCount >= 2 && chunkCount <= AssemblyStrategy.MAX_PARTS && chunkSize >= AssemblyStrategy.MIN_PART_BYTES;
    }

    /**
     * The key of the upload's asset, where its multipart upload would be; none for a tenant that names
     * no key (the session processor refuses such an upload, so it never had one).
     */
    public static Optional<String> assetKey(String tenant, String uploadId) {
        try {
            return Optional.of(ObjectKeys.asset(tenant, UploadIds.assetIdFor(uploadId)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The part of a chunk: S3 numbers parts from 1. */
    public static int partNumber(int chunkIndex) {
        return chunkIndex + 1;
    }

    /**
     * Where a chunk's part claim lives: beside the upload's chunk objects, so every sweep of an
     * upload's chunks removes its claims too.
     */
    public static String claimKey(String uploadId, int index) {
        if (index < 0) throw new IllegalArgumentException("negative chunk index");
        return ObjectKeys.chunkPrefix(uploadId) + String.format(Locale.ROOT, "%08d-part", index);
    }
}
