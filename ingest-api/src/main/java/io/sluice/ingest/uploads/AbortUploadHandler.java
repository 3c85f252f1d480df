package io.sluice.ingest.uploads;

import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.projections.UploadStatusView;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code DELETE /v1/uploads/{uploadId}}: publishes {@code AbortRequested} and waits for the session
 * processor's outcome: accepted → 204; the upload finished → 409 {@code upload_finished}; failed
 * or expired → 410. A repeated delete of an aborted upload is 204 at once. If no outcome arrives
 * in time: 202 with the status's {@code Location} (the abort is recorded and will be applied).
 */
public final class AbortUploadHandler implements RouteHandler {

    private final ApiSettings settings;
    private final RequestPublisher publisher;
    private final UploadStatusView statuses;
    private final UploadLookup uploads;
    private final Clock clock;

    public AbortUploadHandler(ApiSettings settings, RequestPublisher publisher, UploadStatusView statuses,
            UploadLookup uploads, Clock clock) {
        this.settings = settings;
        this.publisher = publisher;
        this.statuses = statuses;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        String uploadId = request.pathVariable("uploadId");
        UploadStatus status = uploads.require(tenant, uploadId);
        if (status.getState() == UploadState.ABORTED) {
            Responses.empty(request.exchange(), 204, Map.of());
            return;
        }
        Optional<ApiException> terminal = OutcomeProblems.forState(status);
        if (terminal.isPresent()) throw terminal.get();

        String eventId = UUID.randomUUID().toString();
        publisher.publish(uploadId, RequestEvents.abort(eventId, uploadId, tenant,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        Optional<Outcomes.Decided> decided = Outcomes.await(statuses, uploadId, eventId, settings.outcomeWait());
        if (decided.isEmpty()) {
            Responses.empty(request.exchange(), 202, Map.of("Location", "/v1/uploads/" + uploadId));
            return;
        }
        RequestOutcome outcome = decided.get().outcome();
        if (!outcome.getAccepted()) throw OutcomeProblems.refused(outcome, decided.get().status());
        Responses.empty(request.exchange(), 204, Map.of());
    }
}
