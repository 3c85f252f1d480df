package io.sluice.ingest.tus;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.upload.UploadLimits;

/**
 * What the tus endpoint reads from the configuration.
 *
 * @param chunkSize the chunk size of an upload created through tus (larger when the upload would
 *     otherwise have too many chunks): a PATCH makes progress in whole chunks, so a client's PATCHes
 *     must be at least this long unless they end the upload; within the chunk size bounds
 */
public record TusSettings(int chunkSize) {

    public static TusSettings from(SluiceConfig config, UploadLimits limits) {
        // kept within the chunk size bounds, which a deployment may have narrowed below the default
        int chunkSize = Math.clamp(config.getInt(Setting.TUS_CHUNK_SIZE), limits.chunkSizeMin(), limits.chunkSizeMax());
        return new TusSettings(chunkSize);
    }

    /** The chunk size of a tus upload of {@code size} bytes: the configured one, or what keeps the count within bounds. */
    public int chunkSizeFor(long size, UploadLimits limits) {
        long fitting = Math.ceilDiv(Math.max(size, 1), limits.maxChunkCount());
        return (int) Math.min(limits.chunkSizeMax(), Math.max(chunkSize, fitting));
    }
}
