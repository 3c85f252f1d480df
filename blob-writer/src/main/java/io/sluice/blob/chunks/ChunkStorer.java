package io.sluice.blob.chunks;

import io.minio.errors.ErrorResponseException;
import io.sluice.blob.BlobWriterCounters;
import io.sluice.blob.consume.AcknowledgedSend;
import io.sluice.blob.consume.Decoded;
import io.sluice.blob.consume.RecordProcessor;
import io.sluice.blob.consume.UnprocessableRecordException;
import io.sluice.blob.events.BlobEvents;
import io.sluice.blob.parts.AssetMultipartUploads;
import io.sluice.blob.parts.MultipartAssembly;
import io.sluice.blob.parts.PartClaims;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the bytes of every {@code ChunkReceived} and reports it with a {@code ChunkStored}. Every
 * stored chunk is reported, accepted or not: the session processor matches index and digest against
 * what it accepted. A chunk of an upload assembled in place ({@link MultipartAssembly}: its
 * acceptance began the asset's multipart upload) is written as its part, once its claim on the part holds;
 * every other chunk — and one whose part another digest claimed — as a chunk object under its
 * upload-scoped, digest-named key.
 *
 * <p>The work of a chunk (verifying its digest, the PUT, the report) runs on its own virtual thread,
 * so the chunks of one partition's batch are stored at once: every chunk of an upload is on one
 * partition, and one PUT at a time held an upload sent on four streams to the speed of one (the
 * benchmark's profile). Their PUTs may end in any order (each chunk has its own object, and the loop
 * commits a record's offset only when it and every record before it are acknowledged); their
 * reports are sent in the order of the requests.
 */
public final class ChunkStorer implements RecordProcessor<UploadRequest> {

    private static final Logger log = LoggerFactory.getLogger(ChunkStorer.class);
    private static final CompletableFuture<Void> NOTHING_TO_DO = CompletableFuture.completedFuture(null);

    private final ChunkObjectWriter writer;
    private final String bucket;
    private final AssetMultipartUploads multipartUploads;
    private final PartClaims claims;
    private final Producer<String, BlobEvent> blobEvents;
    private final BlobWriterCounters counters;
    private final Clock clock;
    private final Executor workers;
    /** Each partition's latest report; touched only by the partition's batch thread, one at a time. */
    private final Map<TopicPartition, CompletableFuture<?>> lastReport = new ConcurrentHashMap<>();

    /** @param workers runs each chunk's PUT; virtual threads in the service */
    public ChunkStorer(ChunkObjectWriter writer, String bucket, AssetMultipartUploads multipartUploads,
            PartClaims claims, Producer<String, BlobEvent> blobEvents, BlobWriterCounters counters, Clock clock,
            Executor workers) {
        this.workers = workers;
        this.writer = writer;
        this.bucket = bucket;
        this.multipartUploads = multipartUploads;
        this.claims = claims;
        this.blobEvents = blobEvents;
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<UploadRequest>> record, UploadRequest request)
            throws Exception {
        if (request.getPayload() instanceof UploadOpened opened) return rememberNotInPlace(opened);
        if (!(request.getPayload() instanceof ChunkReceived chunk)) return NOTHING_TO_DO; // the session processor's
        requireObjectName(chunk);
        CompletableFuture<Optional<BlobEvent>> stored = CompletableFuture.supplyAsync(() -> store(chunk), workers);
        // Reports go out in the order of the requests (a replayed or retried chunk's report follows
        // the first one's): each waits for the report of the partition's record before it.
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        CompletableFuture<?> previous = lastReport.getOrDefault(partition, NOTHING_TO_DO)
                .exceptionally(failure -> null); // that record fails on its own; this one may go on
        CompletableFuture<?> report = stored.thenCombine(previous, (event, ignored) -> event)
                .thenCompose(event -> event.<CompletableFuture<?>>map(this::send).orElse(NOTHING_TO_DO));
        lastReport.put(partition, report);
        return report;
    }

    /**
     * Remembers that an upload not assembled in place has no multipart upload, so that its chunks do
     * not ask the store. The multipart upload of one assembled in place is begun at its acceptance
     * (the decisions' loop).
     */
    private CompletableFuture<?> rememberNotInPlace(UploadOpened opened) {
        Optional<String> assetKey = MultipartAssembly.assetKey(opened.getTenant(), opened.getUploadId());
        if (assetKey.isPresent() && !MultipartAssembly.eligible(opened.getChunkSize(), opened.getChunkCount())) {
            multipartUploads.none(assetKey.get());
        }
        return NOTHING_TO_DO;
    }

    private CompletableFuture<?> send(BlobEvent stored) {
        ChunkStored payload = (ChunkStored) stored.getPayload();
        return AcknowledgedSend.send(blobEvents, new ProducerRecord<>(Topics.BLOB_EVENTS.name(), payload.getUploadId(), stored));
    }

    /** Verifies and PUTs one chunk; the report to send, none if the chunk is not stored. */
    private Optional<BlobEvent> store(ChunkReceived chunk) {
        byte[] bytes = ChunkBytes.arrayOf(chunk.getBytes());
        Optional<String> sha256 = ChunkVerification.verifiedSha256(bytes, chunk.getLength(), chunk.getSha256());
        if (sha256.isEmpty()) {
            // The session processor computes the same digest and rejects this chunk (digest or size
            // mismatch), so no ChunkStored is awaited; storing it would leave an object nobody names.
            log.debug("Not storing chunk {} of {} (event {}): its bytes do not match its length or sha256",
                    chunk.getIndex(), chunk.getUploadId(), chunk.getEventId());
            counters.chunkSkipped();
            return Optional.empty();
        }
        long started = System.nanoTime();
        try {
            Optional<String> asPart = storeAsPart(chunk, bytes, sha256.get());
            if (asPart.isPresent()) {
                counters.chunkStored(bytes.length, true, Duration.ofNanos(System.nanoTime() - started));
                return Optional.of(BlobEvents.chunkStored(chunk, sha256.get(), asPart.get(), clock.instant()));
            }
            String key = ObjectKeys.chunk(chunk.getUploadId(), chunk.getIndex(), sha256.get());
            boolean written = writer.putIfAbsent(bucket, key, bytes, sha256.get());
            counters.chunkStored(bytes.length, written, Duration.ofNanos(System.nanoTime() - started));
            return Optional.of(BlobEvents.chunkStored(chunk, sha256.get(), key, clock.instant()));
        } catch (Exception e) { // the store is unreachable or failed: the loop backs off and retries
            throw new CompletionException(e);
        }
    }

    /**
     * Writes the chunk as its part of the asset's multipart upload, if the upload is assembled in
     * place and the part is this digest's; the key it reports (the asset's), or empty to store the
     * chunk as a chunk object instead.
     */
    private Optional<String> storeAsPart(ChunkReceived chunk, byte[] bytes, String sha256) throws Exception {
        Optional<String> assetKey = MultipartAssembly.assetKey(chunk.getTenant(), chunk.getUploadId());
        if (assetKey.isEmpty()) return Optional.empty();
        Optional<String> multipartUpload = multipartUploads.find(assetKey.get()).join();
        if (multipartUpload.isEmpty()) return Optional.empty();
        if (!claims.claim(chunk.getUploadId(), chunk.getIndex(), sha256)) return Optional.empty();
        try {
            writer.uploadPart(bucket, assetKey.get(), multipartUpload.get(),
                    MultipartAssembly.partNumber(chunk.getIndex()), bytes, sha256);
        } catch (ErrorResponseException e) {
            if (!"NoSuchUpload".equals(e.errorResponse().code())) throw e;
            // completed or aborted since: a late chunk, kept as a chunk object until its upload is swept
            multipartUploads.forget(assetKey.get());
            return Optional.empty();
        }
        return assetKey;
    }

    private static void requireObjectName(ChunkReceived chunk) throws UnprocessableRecordException {
        if (!UploadIds.isUploadId(chunk.getUploadId()) || chunk.getIndex() < 0) {
            throw new UnprocessableRecordException(DeadLetterReason.INVALID_EVENT,
                    "chunk " + chunk.getIndex() + " of '" + chunk.getUploadId() + "' names no object: "
                            + "the upload id is not up_<32 hex> or the index is negative");
        }
    }
}
