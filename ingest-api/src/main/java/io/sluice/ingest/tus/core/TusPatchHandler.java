package io.sluice.ingest.tus.core;

import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.uploads.OutcomeProblems;
import io.sluice.ingest.uploads.UploadLookup;
import io.sluice.upload.ChunkGrid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * tus core, {@code PATCH /v1/tus/{uploadId}}: "The Server SHOULD accept PATCH requests against any
 * upload URL and apply the bytes contained in the message at the given offset specified by the
 * Upload-Offset header." The body is cut into the upload's chunks as it streams in; each whole chunk is
 * published as {@code ChunkReceived} and the answer is {@code 204} with the new offset once Kafka has
 * them all. The PATCH that completes the upload also finishes it and answers once it is finished (or
 * verified and storing), with {@code Sluice-Asset}. An interrupted PATCH keeps its whole chunks; the
 * client asks with HEAD where to go on. Never a 429: tus clients give up on it.
 */
public final class TusPatchHandler implements RouteHandler {

    private final TusUploads uploads;

    public TusPatchHandler(TusUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        String uploadId = request.pathVariable("uploadId");
        OffsetStreamBody.require(request);
        long offset = UploadOffset.parse(request.header(TusProtocol.UPLOAD_OFFSET).orElse(null));
        Optional<UploadChecksum> checksum = UploadChecksum.parse(request.header(TusProtocol.UPLOAD_CHECKSUM).orElse(null));
        UploadLookup.Target target = uploads.lookup().target(tenant, uploadId);
        ChunkGrid grid = target.shape();
        if (target.status() != null && isComplete(target.status())) {
            answerComplete(request, target.status(), offset);
            return;
        }
        if (target.status() != null) {
            Optional<ApiException> gone = OutcomeProblems.forState(target.status());
            if (gone.isPresent()) throw gone.get();
        }
        UploadOffset.checkStart(offset, grid);
        OffsetStreamBody.checkRoom(request, grid.size() - offset);

        long newOffset = offset == grid.size() ? offset
                : uploads.write(tenant, uploadId, grid, offset, request.body(), checksum, true);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TusProtocol.UPLOAD_OFFSET, Long.toString(newOffset));
        if (newOffset == grid.size()) {
            headers.putAll(UploadHeaders.asset(uploads.finish(tenant, uploadId, grid.size())));
        } else {
            headers.putAll(UploadHeaders.expires(uploads.expiresFromNow()));
        }
        Responses.empty(request.exchange(), 204, headers);
    }

    private static boolean isComplete(UploadStatus status) {
        return status.getState() == UploadState.FINISHING || status.getState() == UploadState.FINISHED;
    }

    /**
     * A PATCH at the end of an upload that has all its bytes changes nothing and says so (a client
     * whose last answer was lost asks again); any other offset conflicts with it.
     */
    private static void answerComplete(ApiRequest request, UploadStatus status, long offset) throws Exception {
        if (offset != status.getSize()) {
            throw new ApiException(ProblemCode.OFFSET_MISMATCH, "the upload has all its bytes; ask with HEAD")
                    .header(TusProtocol.UPLOAD_OFFSET, Long.toString(status.getSize()));
        }
        OffsetStreamBody.checkRoom(request, 0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TusProtocol.UPLOAD_OFFSET, Long.toString(status.getSize()));
        if (status.getAssetId() != null) headers.putAll(UploadHeaders.asset(status.getAssetId()));
        Responses.empty(request.exchange(), 204, headers);
    }
}
