package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.assets.AssetLookup;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.validation.JsonFields;
import io.sluice.projections.UploadStatusView;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.upload.ChunkGrid;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/uploads}: checks the request, publishes {@code UploadOpened} and answers once
 * Kafka has it: {@code 201 {uploadId, chunkSize, chunkCount, expiresAt}}.
 *
 * <p>With an idempotency key the upload id is derived from tenant and key, so a repeat lands on
 * the same session, and the answer waits for the session processor's outcome of this very request:
 * accepted → 201 if the upload is new, 200 with the same upload if it existed; refused because the
 * key was used with another body → 422 {@code idempotency_key_reused}. If no outcome arrives in
 * time the answer is 202 with the status's location: the request is recorded, and repeating it is
 * safe.
 */
public final class CreateUploadHandler implements RouteHandler {

    private final ApiSettings settings;
    private final RequestPublisher publisher;
    private final UploadStatusView statuses;
    private final AssetLookup assets;
    private final RecentlyOpened recentlyOpened;
    private final Clock clock;

    public CreateUploadHandler(ApiSettings settings, RequestPublisher publisher, UploadStatusView statuses,
            AssetLookup assets, RecentlyOpened recentlyOpened, Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.statuses = statuses;
        this.assets = assets;
        this.recentlyOpened = recentlyOpened;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        CreateUploadBody body = CreateUploadBody.parse(request.jsonBody(), tenant, settings.limits());
        if (body.derivativeOf() != null) requireOriginal(tenant, body.derivativeOf().assetId());

        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String uploadId = body.idempotencyKey() == null
                ? UploadIds.newUploadId()
                : UploadIds.uploadIdForIdempotencyKey(tenant, body.idempotencyKey());
        boolean seenBefore = body.idempotencyKey() != null && statuses.get(uploadId).isPresent();
        if (body.idempotencyKey() != null && !seenBefore) refuseIfForgottenWithAnAsset(tenant, uploadId);
        Instant expiresAt = now.plus(settings.uploadTtl());
        publisher.publish(uploadId, RequestEvents.opened(eventId, uploadId, tenant, now, body, settings.uploadTtl()));
        Map<String, String> location = Map.of("Location", "/v1/uploads/" + uploadId);

        if (body.idempotencyKey() == null) {
            recentlyOpened.remember(uploadId, tenant, body.shape());
            Responses.json(request.exchange(), 201, created(uploadId, body.shape(), expiresAt), location);
            return;
        }
        Optional<Outcomes.Decided> decided = Outcomes.await(statuses, uploadId, eventId, settings.outcomeWait());
        if (decided.isEmpty()) {
            Responses.json(request.exchange(), 202, created(uploadId, body.shape(), expiresAt), location);
            return;
        }
        UploadStatus status = decided.get().status();
        RequestOutcome outcome = decided.get().outcome();
        if (!outcome.getAccepted()) throw OutcomeProblems.refused(outcome, status);
        boolean existed = seenBefore || Outcomes.existedBefore(status, eventId, now.toEpochMilli());
        ChunkGrid shape = new ChunkGrid(status.getSize(), status.getChunkSize(), status.getChunkCount());
        Responses.json(request.exchange(), existed ? 200 : 201, created(uploadId, shape, status.getExpiresAt()), location);
    }

    /**
     * An idempotency key holds for the retention (docs/contract.md, retention); after it the key's
     * upload is forgotten, but the asset it made stays, and the same key would make the same upload
     * and asset ids again. Refused, naming the asset, so a new upload can never stand in for it.
     * (The asset was indexed a retention ago: this instance holds it, no catch-up needed.)
     */
    private void refuseIfForgottenWithAnAsset(String tenant, String uploadId) {
        String assetId = UploadIds.assetIdFor(uploadId);
        if (assets.held(tenant, assetId).isPresent()) {
            throw new ApiException(ProblemCode.IDEMPOTENCY_KEY_REUSED, "the key's upload finished and was forgotten "
                    + "after the retention; its asset is " + assetId).with("assetId", assetId);
        }
    }

    /**
     * A derivative names an original of the caller (docs/contract.md: derivatives are listed under it): an
     * asset, or the asset an upload still in progress will become — its id is known from the create
     * answer, so an original and its derivatives can be uploaded in parallel.
     */
    private void requireOriginal(String tenant, String assetId) throws InterruptedException {
        if (assets.find(tenant, assetId).isPresent()) return;
        String originalUpload = UploadIds.uploadIdForAssetId(assetId);
        boolean inProgress = recentlyOpened.get(originalUpload, tenant).isPresent()
                || statuses.get(originalUpload).filter(status -> status.getTenant().equals(tenant))
                        .filter(status -> !ENDED_WITHOUT_ASSET.contains(status.getState())).isPresent();
        if (!inProgress) {
            throw JsonFields.invalid("derivativeOf.assetId", "derivativeOf.assetId names no asset of yours");
        }
    }

    private static final java.util.Set<io.sluice.events.UploadState> ENDED_WITHOUT_ASSET = java.util.EnumSet.of(
            io.sluice.events.UploadState.FAILED, io.sluice.events.UploadState.ABORTED,
            io.sluice.events.UploadState.EXPIRED);

    static ObjectNode created(String uploadId, ChunkGrid shape, Instant expiresAt) {
        return Json.object()
                .put("uploadId", uploadId)
                .put("assetId", UploadIds.assetIdFor(uploadId))
                .put("chunkSize", shape.chunkSize())
                .put("chunkCount", shape.chunkCount())
                .put("expiresAt", expiresAt.toString());
    }
}
