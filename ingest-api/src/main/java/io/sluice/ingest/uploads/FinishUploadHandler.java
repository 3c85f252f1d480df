package io.sluice.ingest.uploads;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.assets.AssetJson;
import io.sluice.ingest.assets.AssetLookup;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.projections.UploadStatusView;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/uploads/{uploadId}/finish}: publishes {@code FinishRequested} and waits, up to
 * {@code SLUICE_FINISH_WAIT}, for the upload to be FINISHED and its asset to be in this instance's
 * index view; then {@code 200} with the asset, which is readable at once (contract I3). The session
 * processor's refusals come back as problems (409 {@code chunks_missing} with {@code missing}, 422
 * {@code size_mismatch} / {@code checksum_mismatch}, 409 / 410 for terminal states). When the wait
 * runs out: {@code 202} with the status and its {@code Location}.
 *
 * <p>A finish repeated with the same body on a FINISHED upload answers the same asset without
 * publishing again; a finish for an aborted, failed or expired upload is refused from its status
 * (terminal states are final).
 */
public final class FinishUploadHandler implements RouteHandler {

    private final ApiSettings settings;
    private final RequestPublisher publisher;
    private final UploadStatusView statuses;
    private final UploadLookup uploads;
    private final AssetLookup assets;
    private final Clock clock;

    public FinishUploadHandler(ApiSettings settings, RequestPublisher publisher, UploadStatusView statuses,
            UploadLookup uploads, AssetLookup assets, Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.statuses = statuses;
        this.uploads = uploads;
        this.assets = assets;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        String uploadId = request.pathVariable("uploadId");
        UploadStatus status = uploads.require(tenant, uploadId);
        FinishBody body = FinishBody.parse(request.jsonBody());
        long deadline = System.nanoTime() + settings.finishWait().toNanos();

        if (status.getState() == UploadState.FINISHED) {
            if (body.size() != status.getSize() || !body.sha256().equals(status.getSha256())) {
                throw new ApiException(ProblemCode.UPLOAD_FINISHED, "the upload finished with another size or SHA-256");
            }
            answerAsset(request, status, status.getAssetId(), deadline);
            return;
        }
        Optional<ApiException> terminal = OutcomeProblems.forState(status);
        if (terminal.isPresent()) throw terminal.get();

        String eventId = UUID.randomUUID().toString();
        publisher.publish(uploadId, RequestEvents.finish(eventId, uploadId, tenant,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), body.size(), body.sha256()));
        Optional<UploadStatus> latest = statuses.await(uploadId,
                candidate -> !(FinishProgress.of(candidate, eventId) instanceof FinishProgress.Pending), left(deadline));
        FinishProgress progress = latest.map(candidate -> FinishProgress.of(candidate, eventId))
                .orElse(new FinishProgress.Pending());
        switch (progress) {
            case FinishProgress.Refused refused -> throw refused.problem();
            case FinishProgress.Finished finished -> answerAsset(request, latest.get(), finished.assetId(), deadline);
            case FinishProgress.Pending pending -> answerUnderWay(request, latest.orElse(status));
        }
    }

    private void answerAsset(ApiRequest request, UploadStatus status, String assetId, long deadline) throws Exception {
        Optional<AssetIndexEntry> asset = assets.awaitIndexed(request.tenant(), assetId, left(deadline));
        if (asset.isEmpty()) {
            answerUnderWay(request, status);
            return;
        }
        Responses.json(request.exchange(), 200, AssetJson.of(asset.get()));
    }

    private void answerUnderWay(ApiRequest request, UploadStatus status) throws Exception {
        Responses.json(request.exchange(), 202, StatusJson.of(status, uploads.chunks(status), 0),
                Map.of("Location", "/v1/uploads/" + status.getUploadId()));
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
