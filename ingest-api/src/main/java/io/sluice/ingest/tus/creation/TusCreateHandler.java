package io.sluice.ingest.tus.creation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.RouteHandler;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.tus.concatenation.TusConcatenation;
import io.sluice.ingest.tus.concatenation.UploadConcat;
import io.sluice.ingest.tus.core.OffsetStreamBody;
import io.sluice.ingest.tus.core.TusUploads;
import io.sluice.ingest.tus.core.UploadHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * tus creation, {@code POST /v1/tus/}: "The Server MUST respond with the 201 Created status and the
 * Location header" of a new upload of {@code Upload-Length} bytes — a Sluice upload opened with
 * {@code UploadOpened}, its chunk size the tus one ({@code Sluice-Chunk-Size}). creation-with-upload:
 * a body of {@code application/offset+octet-stream} is written from offset 0 as a PATCH would be, and
 * {@code Upload-Offset} says how far it got. {@code Upload-Concat: partial} makes a part;
 * {@code final;…} goes to {@link TusConcatenation}.
 */
public final class TusCreateHandler implements RouteHandler {

    private final TusUploads uploads;
    private final TusConcatenation concatenation;

    public TusCreateHandler(TusUploads uploads, TusConcatenation concatenation) {
        this.uploads = uploads;
        this.concatenation = concatenation;
    }

    @Override
    public void handle(ApiRequest request) throws Exception {
        String tenant = request.tenant();
        UploadConcat concat = UploadConcat.parse(request.header(TusProtocol.UPLOAD_CONCAT).orElse(null));
        Map<String, String> metadata = TusMetadata.parse(request.header(TusProtocol.UPLOAD_METADATA).orElse(null));
        if (concat instanceof UploadConcat.Final whole) {
            concatenation.handle(request, whole, metadata);
            return;
        }
        long size = TusOpening.length(request.header(TusProtocol.UPLOAD_LENGTH).orElse(null),
                request.header(TusProtocol.UPLOAD_DEFER_LENGTH).orElse(null));
        boolean withUpload = OffsetStreamBody.isPresent(request);
        if (!withUpload) refuseOtherBodies(request);
        Optional<UploadChecksum> checksum = UploadChecksum.parse(request.header(TusProtocol.UPLOAD_CHECKSUM).orElse(null));
        var body = TusOpening.body(tenant, size, uploads.chunkSizeFor(size), metadata, concat,
                uploads.settings().limits());
        if (withUpload) OffsetStreamBody.checkRoom(request, size);

        TusUploads.Opened opened = uploads.open(tenant, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", TusProtocol.location(opened.uploadId()));
        headers.put(TusProtocol.SLUICE_CHUNK_SIZE, Integer.toString(opened.shape().chunkSize()));
        if (withUpload) {
            long offset = uploads.write(tenant, opened.uploadId(), opened.shape(), 0, request.body(), checksum, false);
            headers.put(TusProtocol.UPLOAD_OFFSET, Long.toString(offset));
            if (offset == size) headers.putAll(UploadHeaders.asset(uploads.finish(tenant, opened.uploadId(), size)));
        }
        headers.putAll(UploadHeaders.expires(opened.expiresAt()));
        Responses.empty(request.exchange(), 201, headers);
    }

    /** A creation without upload has no body; one of another type is not upload bytes (415). */
    private static void refuseOtherBodies(ApiRequest request) {
        boolean hasBody = request.header("Content-Length").map(length -> !length.trim().equals("0")).orElse(false)
                || request.header("Transfer-Encoding").isPresent();
        if (hasBody) {
            throw new ApiException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a creation's body must be sent as "
                    + "Content-Type: " + TusProtocol.OFFSET_OCTET_STREAM + " (creation-with-upload)");
        }
    }
}
