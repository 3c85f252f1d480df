package io.sluice.ingest.tus.core;

import io.micrometer.core.instrument.Counter;
import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetRequest;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.tus.TusSettings;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.uploads.CreateUploadBody;
import io.sluice.ingest.uploads.FinishProgress;
import io.sluice.ingest.uploads.Outcomes;
import io.sluice.ingest.uploads.RecentlyOpened;
import io.sluice.ingest.uploads.RequestEvents;
import io.sluice.ingest.uploads.UploadLookup;
import io.sluice.projections.UploadStatusView;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.upload.ChunkGrid;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A tus upload is a Sluice upload: this is how the tus handlers open one, write a stream into its
 * chunks and finish it — with the same request events as the upload routes, so the session processor
 * applies the same rules and the upload shows in {@code /v1/uploads}, the index and the dashboards.
 */
public final class TusUploads {

    /** Bytes of a body with {@code Upload-Checksum}, which is held until checked (a handful of chunks). */
    public static final long CHECKED_BODY_MAX = 16L * 1024 * 1024;

    private final ApiSettings settings;
    private final TusSettings tus;
    private final RequestPublisher publisher;
    private final UploadStatusView statuses;
    private final UploadLookup uploads;
    private final RecentlyOpened recentlyOpened;
    private final ChunkCutter cutter;
    private final Clock clock;
    private final Counter bytesReceived;

    public TusUploads(ApiSettings settings, TusSettings tus, RequestPublisher publisher, UploadStatusView statuses,
            UploadLookup uploads, RecentlyOpened recentlyOpened, ChunkCutter cutter, Clock clock, Counter bytesReceived) {
        this.settings = settings;
        this.tus = tus;
        this.publisher = publisher;
        this.statuses = statuses;
        this.uploads = uploads;
        this.recentlyOpened = recentlyOpened;
        this.cutter = cutter;
        this.clock = clock;
        this.bytesReceived = bytesReceived;
    }

    public ApiSettings settings() {
        return settings;
    }

    public UploadLookup lookup() {
        return uploads;
    }

    /** The chunk size a tus upload of {@code size} bytes gets. */
    public int chunkSizeFor(long size) {
        return tus.chunkSizeFor(size, settings.limits());
    }

    /** An opened upload: its id, shape and expiry. */
    public record Opened(String uploadId, ChunkGrid shape, Instant expiresAt) {}

    /** Publishes {@code UploadOpened}; returns once Kafka has it. */
    public Opened open(String tenant, CreateUploadBody body) throws InterruptedException {
        String uploadId = UploadIds.newUploadId();
        Instant now = now();
        publisher.publish(uploadId, RequestEvents.opened(UUID.randomUUID().toString(), uploadId, tenant, now, body,
                settings.uploadTtl()));
        recentlyOpened.remember(uploadId, tenant, body.shape());
        return new Opened(uploadId, body.shape(), now.plus(settings.uploadTtl()));
    }

    /**
     * Writes a stream that starts at {@code offset} (a chunk boundary) into the upload's chunks.
     *
     * @param mustProgress refuse a whole body that carried no whole chunk and does not end the upload (a
     *     PATCH: its client would send it again and again); a creation with upload is answered with offset 0
     * @return the offset the upload can go on from: the end of the last whole chunk sent
     */
    public long write(String tenant, String uploadId, ChunkGrid grid, long offset, InputStream body,
            Optional<UploadChecksum> checksum, boolean mustProgress) throws IOException, InterruptedException {
        int firstIndex = Math.toIntExact(offset / grid.chunkSize());
        ChunkCutter.ChunkSink sink = (index, bytes) -> send(tenant, uploadId, index, bytes);
        ChunkCutter.Cut cut = checksum.isPresent()
                ? cutter.cutChecked(grid, firstIndex, body, checksum.get(), CHECKED_BODY_MAX, sink)
                : cutter.cut(grid, firstIndex, body, sink);
        int end = firstIndex + cut.chunks();
        long newOffset = end == grid.chunkCount() ? grid.size() : (long) end * grid.chunkSize();
        if (mustProgress && cut.chunks() == 0 && cut.bytesRead() > 0 && newOffset < grid.size()) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "a PATCH must carry at least one whole chunk of the "
                    + "upload (" + grid.chunkSize() + " bytes) unless it ends the upload; nothing of this one was kept")
                    .with("chunkSize", grid.chunkSize());
        }
        return newOffset;
    }

    /**
     * Finishes an upload whose last chunk was just sent, leaving the hash to the session processor
     * (it checks the one declared at opening, if any), and waits for the outcome.
     *
     * @return the asset id once the upload is FINISHED or FINISHING (all bytes verified, storing under way)
     * @throws ApiException the refusal (409 {@code chunks_missing}: the client asks where to go on;
     *     422 {@code checksum_mismatch}), or 503 when no outcome came in time
     */
    public String finish(String tenant, String uploadId, long size) throws InterruptedException {
        String eventId = UUID.randomUUID().toString();
        publisher.publish(uploadId, RequestEvents.finish(eventId, uploadId, tenant, now(), size, null));
        Optional<UploadStatus> latest = statuses.await(uploadId,
                status -> !(FinishProgress.of(status, eventId) instanceof FinishProgress.Pending), settings.finishWait());
        FinishProgress progress = latest.map(status -> FinishProgress.of(status, eventId))
                .orElse(new FinishProgress.Pending());
        switch (progress) {
            case FinishProgress.Refused refused -> throw refused.problem();
            case FinishProgress.Finished finished -> {
                return finished.assetId();
            }
            case FinishProgress.Pending pending -> {
                Optional<RequestOutcome> outcome = statuses.get(uploadId).flatMap(status -> Outcomes.of(status, eventId));
                if (outcome.isPresent() && outcome.get().getAccepted()) return UploadIds.assetIdFor(uploadId);
                throw new ApiException(ProblemCode.SERVICE_UNAVAILABLE,
                        "the upload's finish is recorded but not decided yet; ask where it stands with HEAD")
                        .header("Retry-After", "1");
            }
        }
    }

    /** Publishes {@code AbortRequested} (tus termination of an unfinished upload); the session processor decides. */
    public void abort(String tenant, String uploadId) throws InterruptedException {
        publisher.publish(uploadId, RequestEvents.abort(UUID.randomUUID().toString(), uploadId, tenant, now()));
    }

    /** Publishes {@code AssetDeleteRequested} for a finished upload's asset. */
    public void deleteAsset(String tenant, String uploadId, String assetId) throws InterruptedException {
        publisher.publish(uploadId, new AssetRequest(AssetDeleteRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setUploadId(uploadId).setAssetId(assetId)
                .setTenant(tenant).setTimestamp(now()).build()));
    }

    /** When an upload with activity now expires if nothing more arrives. */
    public Instant expiresFromNow() {
        return now().plus(settings.uploadTtl());
    }

    private RequestPublisher.Pending send(String tenant, String uploadId, int index, byte[] bytes) {
        String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
        RequestPublisher.Pending sent = publisher.send(uploadId,
                RequestEvents.chunk(UUID.randomUUID().toString(), uploadId, tenant, now(), index, bytes, sha256));
        return () -> {
            sent.await();
            bytesReceived.increment(bytes.length);
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has SHA-256", e);
        }
    }
}
