package io.sluice.upload;

import java.util.Locale;

/**
 * The codes a broken upload rule is reported with. The names are those of the bad-input table:
 * the ingest API answers the problem code of the same name, the session processor rejects with the
 * rejection reason of the same name.
 */
public enum RuleCode {
    INVALID_REQUEST,
    INVALID_SIZE,
    UPLOAD_TOO_LARGE,
    INVALID_CHUNK_SIZE,
    TOO_MANY_CHUNKS,
    INVALID_FILE_NAME,
    CHUNK_INDEX_OUT_OF_RANGE,
    CHUNK_SIZE_MISMATCH,
    TOO_FAR_AHEAD;

    /** The code as clients see it, e.g. {@code too_many_chunks}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
