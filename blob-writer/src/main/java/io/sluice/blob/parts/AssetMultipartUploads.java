package io.sluice.blob.parts;

import com.google.common.collect.ImmutableMultimap;
import io.minio.MinioAsyncClient;
import io.minio.messages.Upload;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart upload under way at each asset's key, for uploads assembled in place
 * ({@link MultipartAssembly}). Begun when the session processor accepts the upload — never for an
 * opening it refuses, which would leave a multipart upload no ending aborts; found by listing the
 * key's multipart uploads when this instance did not begin it (a restart, another instance, or the
 * decisions and the chunks of one upload read by different instances); remembered for a bounded
 * number of recent assets once begun or found, and forgotten once completed or aborted. That an
 * asset has none is remembered only when its opening says so ({@link #none}): a chunk read before
 * its upload's acceptance finds none yet, and the next one looks again.
 *
 * <p>Beginning lists first and creates only when none is there, so a redelivered acceptance reuses the
 * upload. Should two ever exist for one key (two instances beginning it at once), every reader takes
 * the earliest begun, then the smallest id.
 */
public final class AssetMultipartUploads {

    /** Assets remembered: far more than are uploaded at once. */
    static final int REMEMBERED = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AssetMultipartUploads.class);
    private static final Comparator<Upload> EARLIEST = Comparator.comparing(Upload::initiated,
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Upload::uploadId);

    private final MinioAsyncClient client;
    private final String bucket;
    private final Executor workers;
    private final Map<String, CompletableFuture<Optional<String>>> byAssetKey = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<String>>> eldest) {
            return size() > REMEMBERED;
        }
    };

    public AssetMultipartUploads(MinioAsyncClient client, String bucket, Executor workers) {
        this.client = client;
        this.bucket = bucket;
        this.workers = workers;
    }

    /**
     * Begins the asset's multipart upload unless one is under way. Called for the upload's
     * acceptance, which the ingest API awaits before it takes chunks: a chunk that asks {@link #find}
     * meanwhile waits for it.
     */
    public CompletableFuture<Optional<String>> begin(String assetKey, String contentType) {
        CompletableFuture<Optional<String>> begun = CompletableFuture.supplyAsync(() -> {
            try {
                Optional<String> existing = listed(assetKey);
                if (existing.isPresent()) return existing;
                String uploadId = client.createMultipartUploadAsync(bucket, null, assetKey,
                        ImmutableMultimap.of("Content-Type", contentType), null).get().result().uploadId();
                log.debug("Began multipart upload {} of {}", uploadId, assetKey);
                return Optional.of(uploadId);
            } catch (Exception e) {
                throw new IllegalStateException("could not begin the multipart upload of " + assetKey, e);
            }
        }, workers);
        remember(assetKey, begun);
        return begun;
    }

    /** Remembers that the asset has no multipart upload: its upload is not assembled in place. */
    public void none(String assetKey) {
        remember(assetKey, CompletableFuture.completedFuture(Optional.empty()));
    }

    /** The asset's multipart upload under way, if any: remembered, else listed. */
    public CompletableFuture<Optional<String>> find(String assetKey) {
        synchronized (byAssetKey) {
            CompletableFuture<Optional<String>> known = byAssetKey.get(assetKey);
            if (known != null && !known.isCompletedExceptionally()) return known;
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Optional<String> listed = listed(assetKey);
                // kept unless a beginning or the opening was remembered while the listing ran
                listed.ifPresent(uploadId -> rememberUnlessKnown(assetKey, CompletableFuture.completedFuture(listed)));
                return listed;
            } catch (Exception e) {
                throw new IllegalStateException("could not list the multipart uploads of " + assetKey, e);
            }
        }, workers);
    }

    /** After completion or abortion: nothing is under way at the key any more. */
    public void forget(String assetKey) {
        synchronized (byAssetKey) {
            byAssetKey.remove(assetKey);
        }
    }

    /** Aborts every multipart upload under way at the key (an upload that ended unassembled). */
    public int abortAll(String assetKey) throws Exception {
        forget(assetKey);
        List<Upload> uploads = underWay(assetKey);
        for (Upload upload : uploads) {
            client.abortMultipartUploadAsync(bucket, null, assetKey, upload.uploadId(), null, null).get();
        }
        return uploads.size();
    }

    private void remember(String assetKey, CompletableFuture<Optional<String>> upload) {
        synchronized (byAssetKey) {
            byAssetKey.put(assetKey, upload);
        }
    }

    private void rememberUnlessKnown(String assetKey, CompletableFuture<Optional<String>> upload) {
        synchronized (byAssetKey) {
            byAssetKey.putIfAbsent(assetKey, upload);
        }
    }

    private Optional<String> listed(String assetKey) throws Exception {
        return underWay(assetKey).stream().min(EARLIEST).map(Upload::uploadId);
    }

    private List<Upload> underWay(String assetKey) throws Exception {
        return client.listMultipartUploadsAsync(bucket, null, null, null, null, 1000, assetKey, null, null, null)
                .get().result().uploads().stream().filter(upload -> upload.objectName().equals(assetKey)).toList();
    }
}
