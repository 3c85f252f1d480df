package io.sluice.ingest.tus.creation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.ingest.tus.concatenation.UploadConcat;
import io.sluice.ingest.uploads.CreateUploadBody;
import io.sluice.upload.UploadLimits;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A tus creation as a Sluice opening: the file name from the metadata's {@code filename} (or
 * {@code name}, as Uppy sends it), the type from {@code filetype} (or {@code type}), the whole file's
 * SHA-256 from {@code sha256} (lower-case hex) if the client knows it — then the upload finishes only
 * if its bytes have that hash — and every pair kept as the upload's metadata. The same upload rules as
 * any opening's apply.
 */
public final class TusOpening {

    static final String DEFAULT_FILE_NAME = "upload";
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private TusOpening() {}

    public static CreateUploadBody body(String tenant, long size, int chunkSize, Map<String, String> metadata,
            UploadConcat concat, UploadLimits limits) {
        Map<String, String> kept = new HashMap<>(metadata);
        kept.putAll(UploadConcat.metadataOf(concat));
        return CreateUploadBody.of(tenant, first(metadata, DEFAULT_FILE_NAME, "filename", "name"),
                first(metadata, DEFAULT_CONTENT_TYPE, "filetype", "type"), size, chunkSize,
                metadata.get("sha256"), kept, limits);
    }

    /** tus creation: "The Client MUST include the Upload-Length … header"; a deferred length is not implemented. */
    public static long length(String uploadLength, String deferLength) {
        if (uploadLength == null && deferLength != null) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "Upload-Defer-Length is not supported: send "
                    + "Upload-Length").with("field", TusProtocol.UPLOAD_DEFER_LENGTH);
        }
        if (uploadLength == null) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "Upload-Length is required")
                    .with("field", TusProtocol.UPLOAD_LENGTH);
        }
        try {
            return Long.parseLong(uploadLength.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "Upload-Length must be an integer")
                    .with("field", TusProtocol.UPLOAD_LENGTH);
        }
    }

    private static String first(Map<String, String> metadata, String otherwise, String... keys) {
        return Stream.of(keys).map(metadata::get).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(otherwise);
    }
}
