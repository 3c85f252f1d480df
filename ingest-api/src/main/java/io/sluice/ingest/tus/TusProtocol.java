package io.sluice.ingest.tus;

import java.util.List;

/**
 * The names and values of tus 1.0 (tus.io/protocols/resumable-upload) as Sluice speaks it: the
 * version, the extensions it implements — no more, no fewer — and the checksum algorithms.
 */
public final class TusProtocol {

    public static final String VERSION = "1.0.0";
    /** What {@code OPTIONS} advertises: exactly what is implemented. */
    public static final List<String> EXTENSIONS = List.of("creation", "creation-with-upload", "expiration",
            "checksum", "termination", "concatenation");
    public static final List<String> CHECKSUM_ALGORITHMS = List.of("sha1", "sha256");

    public static final String TUS_RESUMABLE = "Tus-Resumable";
    public static final String TUS_VERSION = "Tus-Version";
    public static final String TUS_EXTENSION = "Tus-Extension";
    public static final String TUS_MAX_SIZE = "Tus-Max-Size";
    public static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    public static final String UPLOAD_OFFSET = "Upload-Offset";
    public static final String UPLOAD_LENGTH = "Upload-Length";
    public static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    public static final String UPLOAD_METADATA = "Upload-Metadata";
    public static final String UPLOAD_EXPIRES = "Upload-Expires";
    public static final String UPLOAD_CHECKSUM = "Upload-Checksum";
    public static final String UPLOAD_CONCAT = "Upload-Concat";
    /** Not tus: where the finished upload's asset is ({@code /v1/assets/{assetId}}). */
    public static final String SLUICE_ASSET = "Sluice-Asset";
    /** Not tus: the upload's chunk size; a PATCH makes progress in whole chunks. */
    public static final String SLUICE_CHUNK_SIZE = "Sluice-Chunk-Size";

    /** The only body type a PATCH (or a creation with upload) may have. */
    public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    /** Where an upload is, as a tus client addresses it. */
    public static String location(String uploadId) {
        return TusRoutes.PREFIX + uploadId;
    }

    private TusProtocol() {}
}
