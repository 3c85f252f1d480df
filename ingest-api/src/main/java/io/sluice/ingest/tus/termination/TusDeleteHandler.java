package io.sluice.ingest.tus.termination;

import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.tus.core.TusUploads;
import java.util.Map;

/**
 * tus termination, {@code DELETE /v1/tus/{uploadId}}: "When receiving a DELETE request for an existing
 * upload the Server SHOULD free associated resources and MUST respond with the 204 No Content status."
 * An unfinished upload is aborted ({@code AbortRequested}); a finished one has its asset deleted
 * ({@code AssetDeleteRequested}) — what the client terminates is everything the upload made. One that
 * already ended without an asset has nothing left to free. The answer does not wait for the decision:
 * the request is in Kafka, and repeating it is harmless.
 */
public final class TusDeleteHandler implements RouteHandler {

    private final TusUploads uploads;

    public TusDeleteHandler(TusUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        UploadStatus status = uploads.lookup().require(tenant, request.pathVariable("uploadId"));
        switch (status.getState()) {
            case OPEN, FINISHING -> uploads.abort(tenant, status.getUploadId());
            case FINISHED -> uploads.deleteAsset(tenant, status.getUploadId(), status.getAssetId());
            case ABORTED, FAILED, EXPIRED -> { }
        }
        Responses.empty(request.exchange(), 204, Map.of());
    }
}
