package io.sluice.ingest.assets;

import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.kafka.RequestPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code DELETE /v1/assets/{assetId}}: publishes {@code AssetDeleteRequested} and answers
 * {@code 204} once the index shows the asset deleted — no longer served, listed or linked to; the
 * blob writer removes the object after the index projector's {@code AssetDeleted}. Deleting it again
 * is a {@code 204} too (the entry stays as a marker); another tenant's or an unknown asset is a
 * {@code 404}. If the deletion is not visible within the outcome wait, {@code 202}: it is recorded
 * and will happen, and repeating the call is safe.
 */
public final class DeleteAssetHandler implements RouteHandler {

    private final AssetLookup assets;
    private final RequestPublisher publisher;
    private final Duration outcomeWait;
    private final Clock clock;

    public DeleteAssetHandler(AssetLookup assets, RequestPublisher publisher, Duration outcomeWait, Clock clock) {
        this.assets = assets;
        this.publisher = publisher;
        this.outcomeWait = outcomeWait;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String assetId = request.pathVariable("assetId");
        Optional<AssetIndexEntry> entry = assets.findIncludingDeleted(request.tenant(), assetId);
        if (entry.isEmpty()) throw new ApiException(ProblemCode.NOT_FOUND, "no such asset");
        if (entry.get().getDeletedAt() == null) {
            publisher.publish(entry.get().getUploadId(), new AssetRequest(AssetDeleteRequested.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setUploadId(entry.get().getUploadId())
                    .setAssetId(assetId).setTenant(request.tenant())
                    .setTimestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS)).build()));
            if (!assets.awaitDeleted(assetId, outcomeWait)) {
                Responses.json(request.exchange(), 202, Json.object().put("assetId", assetId).put("deleted", false));
                return;
            }
        }
        Responses.empty(request.exchange(), 204, Map.of());
    }
}
