package io.sluice.schemas.topics;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkProgress;
import io.sluice.events.DeadLetter;
import io.sluice.events.RecentUploads;
import io.sluice.events.TenantActivity;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadRequest;
import io.sluice.events.UploadStateCounts;
import io.sluice.events.UploadStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every Kafka topic of Sluice, typed. The local stack and the tests create topics from this list,
 * and services get their serdes from it, so a name, a partition count or a format lives in one
 * place only.
 *
 * <p>Upload-keyed topics (key = upload id as a UTF-8 string) share {@link #UPLOAD_PARTITIONS}, so
 * they are co-partitioned: all events of one upload, on any of them, sit in the same partition
 * number, and Kafka Streams can join them without repartitioning.
 */
public final class Topics {
    /**
     * Partitions of every upload-keyed topic: the upper bound on session-processor parallelism.
     * Never change it on existing topics: keys would move to other partitions and break ordering
     * and co-partitioning.
     */
    public static final int UPLOAD_PARTITIONS = 6;

    /** The largest chunk the API can be configured to accept. */
    public static final int MAX_CHUNK_BYTES = 16 * 1024 * 1024;

    /**
     * Room around a chunk payload: the event's other fields (well under 1 KiB), record headers,
     * the record-batch header (61 bytes) and the 5-byte wire-format header, with a wide margin.
     */
    public static final int RECORD_HEADROOM_BYTES = 64 * 1024;

    /**
     * {@code max.message.bytes} of topics whose records may carry a whole chunk (or, on the decision
     * topic, an {@code UploadVerified} listing every chunk; on the status topic, an upload's chunk
     * bitsets and the missing chunks of its refused finishes). Producers writing them must raise
     * {@code max.request.size} (default 1 MiB) to at least this.
     */
    public static final int MAX_EVENT_BYTES = MAX_CHUNK_BYTES + RECORD_HEADROOM_BYTES;

    /** A dead letter wraps a whole original record, so its topic allows one more headroom. */
    public static final int MAX_DEAD_LETTER_BYTES = MAX_EVENT_BYTES + RECORD_HEADROOM_BYTES;

    /** The {@code max.request.size} that lets a producer write to any Sluice topic. */
    public static final int PRODUCER_MAX_REQUEST_BYTES = MAX_DEAD_LETTER_BYTES;

    /**
     * Retention of the upload-keyed event logs. Far longer than any upload may stay open, so a
     * replay rebuilds every live session; the outcome of older uploads lives on in the compacted
     * index, which is kept forever.
     */
    public static final Duration UPLOAD_LOG_RETENTION = Duration.ofDays(7);

    /** Time for an operator to inspect and replay dead letters. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** Requests of every upload (open, chunk with its bytes, finish, abort, expiry), in order. */
    public static final TopicSpec<String, UploadRequest> UPLOAD_REQUESTS = new TopicSpec<>(
            "sluice.upload-requests", UPLOAD_PARTITIONS,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(UPLOAD_LOG_RETENTION),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_EVENT_BYTES)),
            Format.string(), Format.avro(UploadRequest.class));

    /**
     * The session processor's decisions: accepted / rejected / verified / failed / aborted / expired /
     * forgotten; and the index projector's {@code AssetDeleted}.
     */
    public static final TopicSpec<String, UploadDecision> UPLOAD_DECISIONS = new TopicSpec<>(
            "sluice.upload-decisions", UPLOAD_PARTITIONS,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(UPLOAD_LOG_RETENTION),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_EVENT_BYTES)),
            Format.string(), Format.avro(UploadDecision.class));

    /**
     * The status of every upload session, keyed by upload id: a projection the session processor
     * writes after every change to a session, each record the whole current {@code UploadStatus}
     * (state, how many chunks are received and stored, hash progress, recent rejections and
     * request outcomes; which chunks: {@link #UPLOAD_CHUNKS}).
     * It serves {@code GET /v1/uploads/{id}}, and the ingest API waits on it for the outcome of its
     * open, finish and abort requests. Co-partitioned with the event logs.
     *
     * <p>Compacted: only the latest status of an upload matters, and every record is complete, so a
     * reader that starts late or misses superseded records loses nothing. Compaction lag and segment
     * settings keep the broker's defaults: they only change how soon superseded records go, never
     * what a reader sees. A status's size does not grow with the chunk count: a finish refused for
     * missing chunks lists at most 1,000 of them.
     */
    public static final TopicSpec<String, UploadStatus> UPLOAD_STATUS = new TopicSpec<>(
            "sluice.upload-status", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(UploadStatus.class));

    /**
     * Every accepted chunk of every upload, keyed {@code <uploadId>/<index, ten digits>}
     * ({@link io.sluice.schemas.keys.ChunkKeys}): a projection the session processor writes
     * when a chunk is accepted and when its accepted bytes are stored, so that which chunks are
     * received, stored and missing costs one small record per change, whatever the chunk count.
     * The ingest API reads it for {@code GET /v1/uploads/{id}}. Compacted; keyed per chunk, so not
     * co-partitioned with the upload-keyed topics (nothing joins it).
     */
    public static final TopicSpec<String, ChunkProgress> UPLOAD_CHUNKS = new TopicSpec<>(
            "sluice.upload-chunks", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(ChunkProgress.class));

    /** What the blob writer made durable: stored chunks and assembled assets. Co-partitioned with requests. */
    public static final TopicSpec<String, BlobEvent> BLOB_EVENTS = new TopicSpec<>(
            "sluice.blob-events", UPLOAD_PARTITIONS,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(UPLOAD_LOG_RETENTION)),
            Format.string(), Format.avro(BlobEvent.class));

    /** Finished uploads, emitted once the index entry is durable. */
    public static final TopicSpec<String, UploadFinished> UPLOADS_FINISHED = new TopicSpec<>(
            "sluice.uploads-finished", UPLOAD_PARTITIONS,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(UPLOAD_LOG_RETENTION)),
            Format.string(), Format.avro(UploadFinished.class));

    /**
     * What tenants ask of their assets once they exist (deletion), keyed by the asset's upload id, so
     * co-partitioned with the blob events that made the assets. Read by the index projector.
     */
    public static final TopicSpec<String, AssetRequest> ASSET_REQUESTS = new TopicSpec<>(
            "sluice.asset-requests", UPLOAD_PARTITIONS,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(UPLOAD_LOG_RETENTION)),
            Format.string(), Format.avro(AssetRequest.class));

    /**
     * The asset index, keyed by asset id; compacted, so it keeps the latest entry of every asset
     * forever (a deleted asset's entry stays as a marker with {@code deletedAt}).
     */
    public static final TopicSpec<String, AssetIndexEntry> ASSET_INDEX = new TopicSpec<>(
            "sluice.asset-index", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(AssetIndexEntry.class));

    /**
     * Dashboard projection: how many of a tenant's uploads are in each state now, keyed by tenant.
     * Written by the index projector; compacted, so its size grows with the tenants only.
     */
    public static final TopicSpec<String, UploadStateCounts> DASHBOARD_UPLOAD_STATES = new TopicSpec<>(
            "sluice.dashboard-upload-states", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(UploadStateCounts.class));

    /**
     * Dashboard projection: a tenant's bytes received and finished, uploads finished, and failures
     * and rejections by reason, per minute. Keyed {@code <tenant>/<minute of the day, 4 digits>}
     * ({@link io.sluice.schemas.keys.MinuteKeys}): each key holds the latest day's minute, so the
     * compacted topic keeps 24 hours of every tenant and nothing older.
     */
    public static final TopicSpec<String, TenantMinute> DASHBOARD_MINUTES = new TopicSpec<>(
            "sluice.dashboard-minutes", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(TenantMinute.class));

    /** Dashboard projection: a tenant's most recently finished uploads (at most 100), keyed by tenant. */
    public static final TopicSpec<String, RecentUploads> DASHBOARD_RECENT = new TopicSpec<>(
            "sluice.dashboard-recent", UPLOAD_PARTITIONS,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            Format.string(), Format.avro(RecentUploads.class));

    /**
     * Records any component could not process. Keyed by the original key bytes, undecoded. One
     * partition: the volume is tiny and one ordered list is easiest to inspect.
     */
    public static final TopicSpec<byte[], DeadLetter> DEAD_LETTERS = new TopicSpec<>(
            "sluice.dead-letters", 1,
            Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(DEAD_LETTER_RETENTION),
                    TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_DEAD_LETTER_BYTES)),
            Format.bytes(), Format.avro(DeadLetter.class));

    /**
     * The value of a topic Kafka Streams names and creates itself: the index projector's repartition
     * topic {@code sluice-index-projector-dashboard-activity-by-tenant-repartition}, which carries
     * what each upload event adds to its tenant's dashboard figures to the task holding the tenant.
     * Internal: not in {@link #all()}, but its schema is registered like the others.
     */
    public static final Format<TenantActivity> DASHBOARD_ACTIVITY = Format.avro(TenantActivity.class);

    private static final List<TopicSpec<?, ?>> ALL = List.of(
            UPLOAD_REQUESTS, UPLOAD_DECISIONS, UPLOAD_STATUS, UPLOAD_CHUNKS, BLOB_EVENTS, UPLOADS_FINISHED,
            ASSET_REQUESTS, ASSET_INDEX, DASHBOARD_UPLOAD_STATES, DASHBOARD_MINUTES, DASHBOARD_RECENT, DEAD_LETTERS);

    private Topics() {}

    /** Every topic, in a fixed order (the order schemas are registered in). */
    public static List<TopicSpec<?, ?>> all() {
        return ALL;
    }

    /** The value formats of the internal topics Streams makes (see {@link #DASHBOARD_ACTIVITY}). */
    public static List<Format<?>> internalValueFormats() {
        return List.of(DASHBOARD_ACTIVITY);
    }

    public static Optional<TopicSpec<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
