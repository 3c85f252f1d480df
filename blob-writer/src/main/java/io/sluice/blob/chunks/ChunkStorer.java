package io.sluice.blob.chunks;

import io.sluice.blob.BlobWriterCounters;
import io.sluice.blob.consume.AcknowledgedSend;
import io.sluice.blob.consume.Decoded;
import io.sluice.blob.consume.RecordProcessor;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.events.BlobEvents;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the bytes of every {@code ChunkReceived} under its upload-scoped, digest-named key and
 * reports it with a {@code ChunkStored}. Every stored chunk is reported, accepted or not: the session
 * processor matches index and digest against what it accepted.
 *
 * <p>The work of a chunk (verifying its digest, the PUT, the report) runs on its own virtual thread,
 * so the chunks of one partition's batch are stored at once: every chunk of an upload is on one
 * partition, and one PUT at a time held an upload sent on four streams to the speed of one (the
 * benchmark's profile). Their order does not matter: each chunk has its own object, and the loop
 * commits a record's offset only when it and every record before it are acknowledged.
 */
public final class ChunkStorer implements RecordProcessor<UploadRequest> {

    private static final Logger log = LoggerFactory.getLogger(ChunkStorer.class);
    private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

    private final ChunkObjectWriter writer;
    private final String bucket;
    private final Producer<String, BlobEvent> blobEvents;
    private final BlobWriterCounters counters;
    private final Clock clock;
    private final Executor workers;

    /** @param workers runs each chunk's PUT; virtual threads in the service */
    public ChunkStorer(ChunkObjectWriter writer, String bucket, Producer<String, BlobEvent> blobEvents,
            BlobWriterCounters counters, Clock clock, Executor workers) {
        this.workers = workers;
        this.writer = writer;
        this.bucket = bucket;
        this.blobEvents = blobEvents;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<UploadRequest>> record, UploadRequest request)
            throws Exception {
        if (!(request.getPayload() instanceof ChunkReceived chunk)) return NOTHING_TO_DO; // the session processor's
        requireObjectName(chunk);
        return CompletableFuture.supplyAsync(() -> store(chunk), workers).thenCompose(report -> report);
    }

    /** Verifies, PUTs and reports one chunk; the future completes when the report is acknowledged. */
    private CompletableFuture<?> store(ChunkReceived chunk) {
        byte[] bytes = ChunkBytes.arrayOf(chunk.getBytes());
        Optional<String> sha256 = ChunkVerification.verifiedSha256(bytes, chunk.getLength(), chunk.getSha256());
        if (sha256.isEmpty()) {
            // The session processor computes the same digest and rejects this chunk (digest or size
            // mismatch), so no ChunkStored is awaited; storing it would leave an object nobody names.
            log.debug("Not storing chunk {} of {} (event {}): its bytes do not match its length or sha256",
                    chunk.getIndex(), chunk.getUploadId(), chunk.getEventId());
            counters.chunkSkipped();
            return NOTHING_TO_DO;
        }
        String key = ObjectKeys.chunk(chunk.getUploadId(), chunk.getIndex(), sha256.get());
        boolean written;
        try {
            written = writer.putIfAbsent(bucket, key, bytes);
        } catch (Exception e) { // the store is unreachable or failed: the loop backs off and retries
            throw new CompletionException(e);
        }
        counters.chunkStored(bytes.length, written);
        BlobEvent stored = BlobEvents.chunkStored(chunk, sha256.get(), key, clock.instant());
        return AcknowledgedSend.send(blobEvents,
                new ProducerRecord<>(Topics.BLOB_EVENTS.name(), chunk.getUploadId(), stored));
    }

    private static void requireObjectName(ChunkReceived chunk) throws UnprocessableRecordException {
        if (!UploadIds.isUploadId(chunk.getUploadId()) || chunk.getIndex() < 0) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "chunk " + chunk.getIndex() + " of '" + chunk.getUploadId() + "' names no object: "
                            + "the upload id is not up_<32 hex> or the index is negative");
        }
    }
}
