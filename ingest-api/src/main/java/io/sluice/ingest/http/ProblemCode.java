package io.sluice.ingest.http;

import java.util.Locale;

/**
 * Every machine-readable {@code code} the API answers with, and its HTTP status. The codes of the
 * bad-input table (docs/contract.md) keep their spelling there; the last few are for the protocols
 * themselves (405, 416, and tus's 409, 412, 415, 460) and for infrastructure trouble (500, 503).
 */
public enum ProblemCode {
    UNAUTHORIZED(401, "Missing or unknown bearer token"),
    NOT_FOUND(404, "Not found"),
    INVALID_REQUEST(400, "Invalid request"),
    INVALID_SIZE(400, "Invalid size"),
    UPLOAD_TOO_LARGE(413, "Upload too large"),
    INVALID_CHUNK_SIZE(400, "Invalid chunk size"),
    INVALID_FILE_NAME(400, "Unsafe file name"),
    TOO_MANY_CHUNKS(400, "Too many chunks"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused with a different request"),
    CHUNK_INDEX_OUT_OF_RANGE(400, "Chunk index out of range"),
    CHUNK_SIZE_MISMATCH(400, "Chunk has the wrong length"),
    CHUNK_TOO_LARGE(413, "Chunk longer than declared"),
    DIGEST_MISMATCH(400, "Content-Digest does not match the body"),
    TOO_FAR_AHEAD(429, "Chunk too far ahead of the hash frontier"),
    CHUNKS_MISSING(409, "Chunks missing"),
    SIZE_MISMATCH(422, "Size does not match the bytes received"),
    CHECKSUM_MISMATCH(422, "SHA-256 does not match the bytes received"),
    UPLOAD_FINISHED(409, "Upload already finished"),
    UPLOAD_ABORTED(410, "Upload aborted"),
    UPLOAD_FAILED(410, "Upload failed"),
    UPLOAD_EXPIRED(410, "Upload expired"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    OFFSET_MISMATCH(409, "Upload-Offset is not where the upload can go on"),
    UNSUPPORTED_TUS_VERSION(412, "Unsupported Tus-Resumable version"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UPLOAD_CHECKSUM_MISMATCH(460, "Upload-Checksum does not match the body"),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    INTERNAL_ERROR(500, "Internal error");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The stable code clients match on, e.g. {@code chunks_missing}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
