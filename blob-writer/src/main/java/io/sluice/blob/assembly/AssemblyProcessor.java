package io.sluice.blob.assembly;

import io.sluice.blob.BlobWriterCounters;
import io.sluice.blob.consume.AcknowledgedSend;
import io.sluice.blob.consume.Decoded;
import io.sluice.blob.consume.RecordProcessor;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.events.BlobEvents;
import io.sluice.events.BlobEvent;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on the session processor's final decisions: a verified upload is assembled into its asset
 * object, reported with {@code AssetStored}, and only once that report is acknowledged are its chunk
 * objects deleted (a redelivered {@code UploadVerified} then finds the asset in place). An aborted,
 * failed or expired upload has its chunk objects deleted. Every other decision concerns the session
 * only.
 */
public final class AssemblyProcessor implements RecordProcessor<UploadDecision> {

    private static final Logger log = LoggerFactory.getLogger(AssemblyProcessor.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final AssetAssembler assembler;
    private final ChunkObjects chunkObjects;
    private final Producer<String, BlobEvent> blobEvents;
    private final BlobWriterCounters counters;
    private final Clock clock;

    public AssemblyProcessor(AssetAssembler assembler, ChunkObjects chunkObjects, Producer<String, BlobEvent> blobEvents,
            BlobWriterCounters counters, Clock clock) {
        this.assembler = assembler;
        this.chunkObjects = chunkObjects;
        this.blobEvents = blobEvents;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<UploadDecision>> record, UploadDecision decision)
            throws Exception {
        switch (decision.getPayload()) {
            case UploadVerified verified -> assemble(verified);
            case UploadAborted aborted -> deleteChunks(aborted.getUploadId(), "aborted");
            case UploadFailed failed -> deleteChunks(failed.getUploadId(), "failed");
            case UploadExpired expired -> deleteChunks(expired.getUploadId(), "expired");
            default -> { }
        }
        return DONE;
    }

    private void assemble(UploadVerified verified) throws Exception {
        requireUploadId(verified.getUploadId());
        String assetKey = assetKeyOf(verified);
        long started = System.nanoTime();
        AssemblyResult result = assembler.assemble(verified, assetKey);
        counters.assetAssembled(result, verified.getSize());
        log.info("Asset {} of {}: {} ({} bytes, {} chunks) in {} ms", assetKey, verified.getUploadId(), result,
                verified.getSize(), verified.getChunks().size(), (System.nanoTime() - started) / 1_000_000);
        BlobEvent stored = BlobEvents.assetStored(verified, assetKey, clock.instant());
        AcknowledgedSend.send(blobEvents, new ProducerRecord<>(Topics.BLOB_EVENTS.name(), verified.getUploadId(), stored))
                .get();
        deleteChunks(verified.getUploadId(), "assembled");
    }

    private void deleteChunks(String uploadId, String why) throws Exception {
        requireUploadId(uploadId);
        int deleted = chunkObjects.deleteAll(uploadId);
        counters.chunkObjectsDeleted(deleted);
        log.debug("Deleted {} chunk objects of {} ({})", deleted, uploadId, why);
    }

    private static void requireUploadId(String uploadId) throws UnprocessableRecordException {
        if (!UploadIds.isUploadId(uploadId)) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "'" + uploadId + "' is not an upload id (up_<32 hex>); it names no objects");
        }
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
