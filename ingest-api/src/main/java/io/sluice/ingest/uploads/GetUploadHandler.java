package io.sluice.ingest.uploads;

import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import java.util.Optional;

/**
 * {@code GET /v1/uploads/{uploadId}[?missingFrom=N]}: the upload's status, as the session processor
 * last projected it, its missing indexes listed from {@code N} on ({@link StatusJson}).
 */
public final class GetUploadHandler implements RouteHandler {

    private final UploadLookup uploads;

    public GetUploadHandler(UploadLookup uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        int missingFrom = missingFrom(request.query("missingFrom"));
        UploadStatus status = uploads.require(request.tenant(), request.pathVariable("uploadId"));
        Responses.json(request.exchange(), 200, StatusJson.of(status, uploads.chunks(status), missingFrom));
    }

    private static int missingFrom(Optional<String> value) {
        if (value.isEmpty()) return 0;
        if (!value.get().matches("[0-9]{1,9}")) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "missingFrom must be a chunk index (0 or more)")
                    .with("field", "missingFrom");
        }
        return Integer.parseInt(value.get());
    }
}
