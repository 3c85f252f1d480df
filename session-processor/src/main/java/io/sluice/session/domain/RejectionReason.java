package io.sluice.session.domain;

import io.sluice.upload.RuleCode;

/** Why a request was refused; the upload is unchanged by a rejection. Mirrors the Avro enum. */
public enum RejectionReason {
    UNKNOWN_UPLOAD,
    UPLOAD_EXISTS,
    CHUNK_CONFLICT,
    TOO_FAR_AHEAD,
    CHUNK_INDEX_OUT_OF_RANGE,
    CHUNK_SIZE_MISMATCH,
    DIGEST_MISMATCH,
    CHUNKS_MISSING,
    UPLOAD_FINISHED,
    UPLOAD_ABORTED,
    UPLOAD_FAILED,
    UPLOAD_EXPIRED,
    /** A request that cannot describe a valid upload (only direct producers can send one). */
    INVALID_REQUEST,
    INVALID_SIZE,
    UPLOAD_TOO_LARGE,
    INVALID_CHUNK_SIZE,
    TOO_MANY_CHUNKS,
    INVALID_FILE_NAME;

    /** The rejection a request gets when the upload is in a terminal state. */
    static RejectionReason forTerminal(UploadState state) {
        return switch (state) {
            case FINISHED -> UPLOAD_FINISHED;
            case ABORTED -> UPLOAD_ABORTED;
            case FAILED -> UPLOAD_FAILED;
            case EXPIRED -> UPLOAD_EXPIRED;
            default -> throw new IllegalArgumentException(state + " is not terminal");
        };
    }

    /** The rejection for a broken upload rule: the rule's code, by name. */
    public static RejectionReason of(RuleCode code) {
        return valueOf(code.name());
    }
}
