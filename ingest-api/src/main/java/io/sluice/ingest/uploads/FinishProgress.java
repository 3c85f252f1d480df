package io.sluice.ingest.uploads;

import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import java.util.Optional;

/**
 * Where one finish request stands, read from a status: not answered yet (or answered and not yet
 * finished), refused with a problem, or finished with an asset. A finish is complete only when the
 * status is FINISHED, which the session processor records after it reads {@code UploadFinished}.
 */
public sealed interface FinishProgress {

    record Pending() implements FinishProgress {}

    record Refused(ApiException problem) implements FinishProgress {}

    record Finished(String assetId) implements FinishProgress {}

    static FinishProgress of(UploadStatus status, String requestId) {
        Optional<RequestOutcome> outcome = Outcomes.of(status, requestId);
        if (outcome.isEmpty()) return new Pending();
        if (!outcome.get().getAccepted()) return new Refused(OutcomeProblems.refused(outcome.get(), status));
        if (status.getState() == UploadState.FINISHED && status.getAssetId() != null) {
            return new Finished(status.getAssetId());
        }
        if (status.getState() == UploadState.FAILED) return new Refused(OutcomeProblems.failed(status));
        return OutcomeProblems.forState(status).<FinishProgress>map(Refused::new).orElse(new Pending());
    }
}
