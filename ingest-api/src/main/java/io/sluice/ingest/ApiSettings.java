package io.sluice.ingest;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.UploadLimitSettings;
import io.sluice.schemas.topics.Topics;
import io.sluice.upload.UploadLimits;
import java.time.Duration;

/**
 * What the API reads from the configuration, checked once at start-up.
 *
 * @param limits the upload limits, the same the session processor applies
 * @param catchUpWait how long a read that misses waits for the view to apply everything already
 *     committed to its topic (it returns as soon as it has; contract I3)
 * @param lookupGrace how long a read of an unknown upload then still waits for its status to appear
 *     before 404: an upload created a moment ago through another instance has a status only once
 *     the session processor has projected it
 * @param outcomeWait how long a create (with an idempotency key) or a delete waits for the session
 *     processor's answer before answering that the request is under way
 * @param endedRetention how long an ended upload is remembered (the session processor forgets it then)
 */
public record ApiSettings(UploadLimits limits, Duration uploadTtl, Duration finishWait, String bucket,
        Duration catchUpWait, Duration lookupGrace, Duration outcomeWait, Duration endedRetention) {

    public static final Duration DEFAULT_CATCH_UP_WAIT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LOOKUP_GRACE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_OUTCOME_WAIT = Duration.ofSeconds(10);

    public ApiSettings {
        if (limits.chunkSizeMax() > Topics.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("SLUICE_CHUNK_SIZE_MAX must be at most " + Topics.MAX_CHUNK_BYTES
                    + " (a chunk travels in one Kafka record)");
        }
        if (uploadTtl.isNegative() || uploadTtl.isZero()) throw new IllegalArgumentException("SLUICE_UPLOAD_TTL must be positive");
    }

    public static ApiSettings from(SluiceConfig config) {
        return new ApiSettings(UploadLimitSettings.from(config), config.getDuration(Setting.UPLOAD_TTL),
                config.getDuration(Setting.FINISH_WAIT), config.get(Setting.S3_BUCKET),
                DEFAULT_CATCH_UP_WAIT, DEFAULT_LOOKUP_GRACE, DEFAULT_OUTCOME_WAIT,
                config.getDuration(Setting.ENDED_RETENTION));
    }

    /** A copy with other waits (tests shorten them). */
    public ApiSettings withWaits(Duration lookupGrace, Duration outcomeWait, Duration finishWait) {
        return new ApiSettings(limits, uploadTtl, finishWait, bucket, catchUpWait, lookupGrace, outcomeWait,
                endedRetention);
    }
}
