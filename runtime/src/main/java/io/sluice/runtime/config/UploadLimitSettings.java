package io.sluice.runtime.config;

import io.sluice.upload.UploadLimits;

/** The upload limits as configured: what the ingest API and the session processor both apply. */
public final class UploadLimitSettings {

    private UploadLimitSettings() {}

    /**
     * @throws IllegalArgumentException naming the settings when they contradict each other
     */
    public static UploadLimits from(SluiceConfig config) {
        try {
            return new UploadLimits(config.getLong(Setting.MAX_UPLOAD_SIZE), config.getInt(Setting.CHUNK_SIZE_DEFAULT),
                    config.getInt(Setting.CHUNK_SIZE_MIN), config.getInt(Setting.CHUNK_SIZE_MAX),
                    config.getInt(Setting.MAX_CHUNK_COUNT), config.getLong(Setting.PARKED_BYTES_MAX));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Upload limits (" + Setting.MAX_UPLOAD_SIZE.env() + ", "
                    + Setting.CHUNK_SIZE_MIN.env() + ", " + Setting.CHUNK_SIZE_DEFAULT.env() + ", "
                    + Setting.CHUNK_SIZE_MAX.env() + ", " + Setting.MAX_CHUNK_COUNT.env() + ", "
                    + Setting.PARKED_BYTES_MAX.env() + "): " + e.getMessage(), e);
        }
    }
}
