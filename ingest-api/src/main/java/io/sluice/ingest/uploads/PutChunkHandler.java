package io.sluice.ingest.uploads;

import io.micrometer.core.instrument.Counter;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.validation.ChunkBodyLength;
import io.sluice.ingest.validation.ChunkIndexSegment;
import io.sluice.ingest.validation.ContentDigestRule;
import io.sluice.ingest.validation.RuleViolations;
import io.sluice.upload.ChunkGrid;
import io.sluice.upload.rules.ParkingRule;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code PUT /v1/uploads/{uploadId}/chunks/{index}}: every check the API can make without the
 * session's state happens here, before anything is published — the upload exists and takes chunks,
 * the index is in range, the length is the chunk's (refused on {@code Content-Length} before the
 * body is read), {@code Content-Digest} matches, and the parking bound has room where the status
 * shows it has none. Then {@code ChunkReceived} is published — after the upload's lower chunks
 * under way here, where that takes a moment ({@link ChunkSendOrder}) — and {@code 202} answered only
 * after Kafka's acknowledgement (contract I1). The session processor decides acceptance; the status shows it.
 */
public final class PutChunkHandler implements RouteHandler {

    /** A chunk that is too far ahead waits for the gap before it to fill; a second is a fair pause. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ApiSettings settings;
    private final RequestPublisher publisher;
    private final UploadLookup uploads;
    private final RecentlyOpened recentlyOpened;
    private final ChunkMemoryBudget budget;
    private final ChunkSendOrder sendOrder;
    private final Clock clock;
    private final Counter bytesReceived;

    /** @param bytesReceived counts the bytes of every chunk Kafka acknowledged */
    public PutChunkHandler(ApiSettings settings, RequestPublisher publisher, UploadLookup uploads,
            RecentlyOpened recentlyOpened, ChunkMemoryBudget budget, ChunkSendOrder sendOrder, Clock clock,
            Counter bytesReceived) {
        this.bytesReceived = bytesReceived;
        this.sendOrder = sendOrder;
        this.settings = settings;
        this.publisher = publisher;
        this.uploads = uploads;
        this.recentlyOpened = recentlyOpened;
        this.budget = budget;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        String uploadId = request.pathVariable("uploadId");
        UploadLookup.Target target = uploads.target(tenant, uploadId);
        if (target.status() != null) {
            Optional<ApiException> terminal = OutcomeProblems.forState(target.status());
            if (terminal.isPresent()) throw terminal.get();
        }
        ChunkGrid shape = target.shape();
        int index = ChunkIndexSegment.check(request.pathVariable("index"), shape);
        int length = shape.expectedLength(index);
        ChunkBodyLength.checkDeclared(request.header("Content-Length"), length);
        if (target.status() != null) refuseIfTooFarAhead(target.status(), index, length);
        Optional<byte[]> declaredDigest = ContentDigestRule.declaredSha256(request.header("Content-Digest"));

        ChunkMemoryBudget.Reservation reservation = budget.reserve(length);
        try (ChunkSendOrder.Slot slot = sendOrder.enter(uploadId, index)) {
            byte[] bytes = ChunkBody.read(request.body(), length);
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(bytes);
            ContentDigestRule.check(declaredDigest, sha256);
            String sha256Hex = HexFormat.of().formatHex(sha256);
            slot.awaitTurn();
            RequestPublisher.Pending sent = publisher.send(uploadId, RequestEvents.chunk(UUID.randomUUID().toString(),
                    uploadId, tenant, clock.instant().truncatedTo(ChronoUnit.MILLIS), index, bytes, sha256Hex));
            slot.close(); // handed to the producer, in order: the next chunk may go
            sent.await();
            bytesReceived.increment(length);
            Responses.json(request.exchange(), 202, Json.object()
                    .put("uploadId", uploadId)
                    .put("index", index)
                    .put("length", length)
                    .put("sha256", sha256Hex));
        } finally {
            reservation.close();
        }
    }

    /**
     * docs/contract.md, bad input: "chunk too far ahead of the hash frontier (parking bound reached) → 429 +
     * {@code Retry-After} where the API can tell". The API can tell when the status shows the chunk
     * is new, beyond the frontier, and would take the parked bytes past {@code SLUICE_PARKED_BYTES_MAX}.
     * The status may lag; the session processor's own check is the one that counts.
     */
    private void refuseIfTooFarAhead(UploadStatus status, int index, int length) {
        int frontier = Math.toIntExact(status.getBytesHashed() / status.getChunkSize());
        boolean held = index > frontier && uploads.isReceived(status, index);
        ParkingRule.check(index, frontier, held, status.getParkedBytes(), length, settings.limits().parkedBytesMax())
                .ifPresent(violation -> {
                    throw RuleViolations.problem(violation).header("Retry-After", RETRY_AFTER_SECONDS);
                });
    }

}
