package io.sluice.blob.assembly;

import io.sluice.blob.BlobWriterCounters;
import io.sluice.blob.consume.AcknowledgedSend;
import io.sluice.blob.consume.Decoded;
import io.sluice.blob.consume.PerKeyOrder;
import io.sluice.blob.consume.RecordProcessor;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.events.BlobEvents;
import io.sluice.blob.parts.MultipartAssembly;
import io.sluice.events.AssetDeleted;
import io.sluice.events.BlobEvent;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the session processor's decisions: an accepted upload assembled in place has its asset's
 * multipart upload begun; a verified upload is assembled into its asset
 * object, reported with {@code AssetStored}, and only once that report is acknowledged are its chunk
 * objects deleted (a redelivered {@code UploadVerified} then finds the asset in place). An aborted,
 * failed or expired upload has its chunk objects deleted, and so has a forgotten one (what was
 * stored after it ended). Every other decision concerns the session
 * only.
 *
 * <p>The work runs on its own virtual thread, in order per upload and for different uploads at once:
 * done one after the other, each small upload's assembly and chunk deletion waited for those of every
 * upload before it on its partition (the benchmark's finish latency).
 */
public final class AssemblyProcessor implements RecordProcessor<UploadDecision> {

    private static final Logger log = LoggerFactory.getLogger(AssemblyProcessor.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final AssetAssembler assembler;
    private final ChunkObjects chunkObjects;
    private final Producer<String, BlobEvent> blobEvents;
    private final BlobWriterCounters counters;
    private final Clock clock;
    private final PerKeyOrder perUpload;

    /** @param workers runs the work of each decision; virtual threads in the service */
    public AssemblyProcessor(AssetAssembler assembler, ChunkObjects chunkObjects, Producer<String, BlobEvent> blobEvents,
            BlobWriterCounters counters, Clock clock, Executor workers) {
        this.perUpload = new PerKeyOrder(workers);
        this.assembler = assembler;
        this.chunkObjects = chunkObjects;
        this.blobEvents = blobEvents;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<UploadDecision>> record, UploadDecision decision)
            throws Exception {
        // What cannot be processed is found here, on the loop's thread, so it goes to the dead-letter topic.
        return switch (decision.getPayload()) {
            case UploadAccepted accepted -> beginAssemblyInPlace(accepted);
            case UploadVerified verified -> {
                String assetKey = assetKeyOf(verified);
                yield perUpload.submit(requireUploadId(verified.getUploadId()), () -> assemble(verified, assetKey));
            }
            case UploadAborted aborted -> sweep(aborted.getUploadId(), aborted.getTenant(), "aborted");
            case UploadFailed failed -> sweep(failed.getUploadId(), failed.getTenant(), "failed");
            case UploadExpired expired -> sweep(expired.getUploadId(), expired.getTenant(), "expired");
            // Chunks can be stored after an upload ended (a late request): forgetting it sweeps them.
            case UploadForgotten forgotten -> sweep(forgotten.getUploadId(), forgotten.getTenant(), "forgotten");
            case AssetDeleted deleted -> {
                String assetKey = assetKeyOf(deleted);
                yield perUpload.submit(requireUploadId(deleted.getUploadId()), () -> deleteAsset(deleted, assetKey));
            }
            default -> DONE;
        };
    }

    /**
     * Begins the asset's multipart upload of an upload assembled in place ({@link MultipartAssembly})
     * once the session processor accepted it — so an opening it refuses begins none. A repeated
     * acceptance (a retried create) begins nothing: the first one did, and the upload may have ended
     * since; nor does one from a writer that does not name the content type.
     */
    private CompletableFuture<?> beginAssemblyInPlace(UploadAccepted accepted) throws UnprocessableRecordException {
        if (accepted.getRepeated() || accepted.getContentType() == null) return DONE;
        if (!MultipartAssembly.eligible(accepted.getChunkSize(), accepted.getChunkCount())) return DONE;
        Optional<String> assetKey = MultipartAssembly.assetKey(accepted.getTenant(), accepted.getUploadId());
        if (assetKey.isEmpty()) return DONE;
        return perUpload.submit(requireUploadId(accepted.getUploadId()),
                () -> assembler.beginInPlace(assetKey.get(), accepted.getContentType()));
    }

    /** An upload that ended without an asset: its multipart upload (if it had one) aborted, its chunk objects deleted. */
    private CompletableFuture<?> sweep(String uploadId, String tenant, String why) throws UnprocessableRecordException {
        return perUpload.submit(requireUploadId(uploadId), () -> {
            abandonAssembly(uploadId, tenant, why);
            deleteChunks(uploadId, why);
        });
    }

    private void abandonAssembly(String uploadId, String tenant, String why) throws Exception {
        Optional<String> assetKey = MultipartAssembly.assetKey(tenant, uploadId);
        if (assetKey.isEmpty()) return; // no asset key, so no multipart upload was ever begun for it
        int aborted = assembler.abandon(assetKey.get());
        if (aborted > 0) log.debug("Aborted the multipart upload of {} ({})", uploadId, why);
    }

    private void assemble(UploadVerified verified, String assetKey) throws Exception {
        long started = System.nanoTime();
        AssemblyResult result = assembler.assemble(verified, assetKey);
        counters.assetAssembled(result, verified.getSize(), Duration.ofNanos(System.nanoTime() - started));
        log.info("Asset {} of {}: {} ({} bytes, {} chunks) in {} ms", assetKey, verified.getUploadId(), result,
                verified.getSize(), verified.getChunks().size(), (System.nanoTime() - started) / 1_000_000);
        BlobEvent stored = BlobEvents.assetStored(verified, assetKey, clock.instant());
        AcknowledgedSend.send(blobEvents, new ProducerRecord<>(Topics.BLOB_EVENTS.name(), verified.getUploadId(), stored))
                .get();
        deleteChunks(verified.getUploadId(), "assembled");
    }

    /** Removes the asset's object; removing one that is gone already changes nothing (a redelivery). */
    private void deleteAsset(AssetDeleted deleted, String assetKey) throws Exception {
        assembler.delete(assetKey);
        counters.assetDeleted();
        log.info("Asset {} of {} deleted", assetKey, deleted.getUploadId());
    }

    private void deleteChunks(String uploadId, String why) throws Exception {
        int deleted = chunkObjects.deleteAll(uploadId);
        counters.chunkObjectsDeleted(deleted);
        log.debug("Deleted {} chunk objects of {} ({})", deleted, uploadId, why);
    }

    private static String requireUploadId(String uploadId) throws UnprocessableRecordException {
        if (!UploadIds.isUploadId(uploadId)) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "'" + uploadId + "' is not an upload id (up_<32 hex>); it names no objects");
        }
        return uploadId;
    }

    /**
     * The object a deletion removes is the deleted asset's own key, derived from its tenant and id —
     * never a key the event names — and the asset id must be the upload's: an event cannot make the
     * blob writer remove another object.
     */
    private static String assetKeyOf(AssetDeleted deleted) throws UnprocessableRecordException {
        requireUploadId(deleted.getUploadId());
        if (!UploadIds.assetIdFor(deleted.getUploadId()).equals(deleted.getAssetId())) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "asset " + deleted.getAssetId() + " is not the asset of upload " + deleted.getUploadId());
        }
        String assetKey;
        try {
            assetKey = ObjectKeys.asset(deleted.getTenant(), deleted.getAssetId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "asset " + deleted.getAssetId() + " names no asset object: " + e.getMessage(), e);
        }
        if (!assetKey.equals(deleted.getObjectKey())) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT, "the deletion of "
                    + deleted.getAssetId() + " names object " + deleted.getObjectKey() + ", not " + assetKey);
        }
        return assetKey;
    }

    private static String assetKeyOf(UploadVerified verified) throws UnprocessableRecordException {
        try {
            return ObjectKeys.asset(verified.getTenant(), verified.getAssetId());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "upload " + verified.getUploadId() + " names no asset object: " + e.getMessage(), e);
        }
    }
}
