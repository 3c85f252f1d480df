package io.sluice.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.sluice.ingest.assets.AssetContentHandler;
import io.sluice.ingest.assets.AssetLookup;
import io.sluice.ingest.assets.AssetObjects;
import io.sluice.ingest.assets.DeleteAssetHandler;
import io.sluice.ingest.assets.GetAssetHandler;
import io.sluice.ingest.assets.ListAssetsHandler;
import io.sluice.ingest.http.Route;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.stats.DashboardFigures;
import io.sluice.ingest.stats.FigureRoutes;
import io.sluice.ingest.stats.FigureStreamHandler;
import io.sluice.ingest.tus.TusRoutes;
import io.sluice.ingest.tus.TusSettings;
import io.sluice.ingest.tus.core.ChunkCutter;
import io.sluice.ingest.tus.core.TusUploads;
import io.sluice.ingest.uploads.AbortUploadHandler;
import io.sluice.ingest.uploads.ChunkMemoryBudget;
import io.sluice.ingest.uploads.ChunkSendOrder;
import io.sluice.ingest.uploads.CreateUploadHandler;
import io.sluice.ingest.uploads.FinishUploadHandler;
import io.sluice.ingest.uploads.GetUploadHandler;
import io.sluice.ingest.uploads.PutChunkHandler;
import io.sluice.ingest.uploads.RecentlyOpened;
import io.sluice.ingest.uploads.UploadLookup;
import io.sluice.projections.AssetIndexView;
import io.sluice.projections.DashboardView;
import io.sluice.projections.UploadChunksView;
import io.sluice.projections.UploadStatusView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The calls of the HTTP API table of docs/contract.md (and the dashboard figures, and tus) and the handler of each. */
final class ApiRoutes {

    /** Uploads this instance remembers having opened; far more than are opened between two status updates. */
    static final int RECENTLY_OPENED_CAPACITY = 10_000;
    /** Far longer than a status takes to appear, far shorter than any retention worth having. */
    static final Duration RECENTLY_OPENED_MAX_AGE = Duration.ofMinutes(2);

    /**
     * Longest a chunk waits for a lower chunk of its upload, under way here, to be published first:
     * enough for an 8 MiB body to arrive at tens of MB/s, short beside a slow client's chunk.
     */
    static final Duration CHUNK_ORDER_WAIT = Duration.ofMillis(500);

    private ApiRoutes() {}

    /** The routes under {@code /v1/} and those of the tus endpoint, sharing what they know of uploads and assets. */
    record Mounted(List<Route> api, List<Route> tus) {}

    static Mounted of(ApiSettings settings, TusSettings tus, RequestPublisher publisher, UploadStatusView statuses,
            UploadChunksView chunks, AssetIndexView index, DashboardView dashboards, MinioClient minio,
            ChunkMemoryBudget budget, Clock clock, MeterRegistry meters) {
        Counter chunkBytes = Counter.builder("sluice_chunk_bytes_received")
                .description("Bytes of the chunks the API queued (Kafka acknowledged them).").register(meters);
        Duration halfRetention = settings.endedRetention().dividedBy(2);
        RecentlyOpened recentlyOpened = new RecentlyOpened(RECENTLY_OPENED_CAPACITY,
                RECENTLY_OPENED_MAX_AGE.compareTo(halfRetention) < 0 ? RECENTLY_OPENED_MAX_AGE : halfRetention, clock);
        UploadLookup uploads = new UploadLookup(statuses, chunks, recentlyOpened, settings.catchUpWait(),
                settings.lookupGrace(), settings.outcomeWait());
        AssetLookup assets = new AssetLookup(index, settings.catchUpWait());
        DashboardFigures figures = new DashboardFigures(dashboards, clock);
        AssetObjects objects = new AssetObjects(minio, settings.bucket());
        List<Route> routes = new ArrayList<>(List.of(
                Route.of("POST", "/v1/uploads",
                        new CreateUploadHandler(settings, publisher, statuses, assets, recentlyOpened, clock)),
                Route.of("PUT", "/v1/uploads/{uploadId}/chunks/{index}",
                        new PutChunkHandler(settings, publisher, uploads, recentlyOpened, budget,
                                new ChunkSendOrder(CHUNK_ORDER_WAIT), clock, chunkBytes)),
                Route.of("GET", "/v1/uploads/{uploadId}", new GetUploadHandler(uploads)),
                Route.of("DELETE", "/v1/uploads/{uploadId}",
                        new AbortUploadHandler(settings, publisher, statuses, uploads, clock)),
                Route.of("POST", "/v1/uploads/{uploadId}/finish",
                        new FinishUploadHandler(settings, publisher, statuses, uploads, assets, clock)),
                Route.of("GET", "/v1/assets", new ListAssetsHandler(index)),
                Route.of("GET", "/v1/assets/{assetId}", new GetAssetHandler(assets, index)),
                Route.of("DELETE", "/v1/assets/{assetId}",
                        new DeleteAssetHandler(assets, publisher, settings.outcomeWait(), clock)),
                Route.of("GET", "/v1/assets/{assetId}/content",
                        new AssetContentHandler(assets, objects))));
        routes.addAll(FigureRoutes.of(figures, new FigureStreamHandler(dashboards, figures)));
        TusUploads tusUploads = new TusUploads(settings, tus, publisher, statuses, uploads, recentlyOpened,
                new ChunkCutter(budget), clock, chunkBytes);
        return new Mounted(routes, TusRoutes.of(tusUploads, assets, objects));
    }
}
