package io.sluice.ingest.tus.core;

import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.uploads.OutcomeProblems;

/**
 * tus core, {@code HEAD /v1/tus/{uploadId}}: "The Server MUST always include the Upload-Offset header
 * in the response for a HEAD request" — here the contiguous offset the pipeline has accepted
 * ({@link UploadOffset}) — with {@code Upload-Length}, {@code Upload-Metadata}, {@code Upload-Concat}
 * for a part or a final upload, {@code Upload-Expires} while it is open and {@code Sluice-Asset} once it
 * has one. An upload that was aborted, failed or expired is gone (410); tus clients then start anew.
 */
public final class TusHeadHandler implements RouteHandler {

    private final TusUploads uploads;

    public TusHeadHandler(TusUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        UploadStatus status = uploads.lookup().require(request.tenant(), request.pathVariable("uploadId"));
        if (status.getState() != UploadState.FINISHED) {
            OutcomeProblems.forState(status).ifPresent(gone -> {
                throw gone;
            });
        }
        long offset = UploadOffset.of(status, uploads.lookup().chunks(status).received());
        Responses.empty(request.exchange(), 200, UploadHeaders.of(status, offset));
    }
}
