package io.sluice.ingest.uploads;

import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;

/** {@code GET /v1/uploads/{uploadId}}: the upload's status, as the session processor last projected it. */
public final class GetUploadHandler implements RouteHandler {

    private final UploadLookup uploads;

    public GetUploadHandler(UploadLookup uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        Responses.json(request.exchange(), 200,
                StatusJson.of(uploads.require(request.tenant(), request.pathVariable("uploadId"))));
    }
}
