package io.sluice.ingest;

import io.minio.MinioClient;
import io.sluice.ingest.dashboard.DashboardPage;
import io.sluice.ingest.http.ApiRouter;
import io.sluice.ingest.http.Cors;
import io.sluice.ingest.http.Route;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.openapi.OpenApiDocument;
import io.sluice.ingest.tus.TusRouter;
import io.sluice.ingest.tus.TusRoutes;
import io.sluice.ingest.tus.TusSettings;
import io.sluice.ingest.uploads.ChunkMemoryBudget;
import io.sluice.projections.AssetIndexView;
import io.sluice.projections.DashboardView;
import io.sluice.projections.UploadChunksView;
import io.sluice.projections.UploadStatusView;
import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.runtime.service.DependencyBoundService;
import io.sluice.runtime.service.Readiness;
import io.sluice.runtime.service.Service;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.serde.EventClassTrust;
import io.sluice.schemas.topics.ServiceSchemaRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest API: the routes of the HTTP API of docs/contract.md under {@code /v1/} on the component's HTTP
 * server, the dashboard page at {@code /dashboard}, a producer of request events, and the views it
 * reads (upload statuses, which chunks each upload has, the asset index, the dashboard figures),
 * kept on disk under {@code SLUICE_STATE_DIR/views/}. The
 * views start loading when the service is made, from where they stopped, so they are warm by the
 * time the server takes traffic. Ready when Kafka and the registry answer and every view has loaded.
 */
public final class IngestApiService implements Service {

    private static final Logger log = LoggerFactory.getLogger(IngestApiService.class);

    /** How long a chunk waits for room in the memory budget before it is refused with 503. */
    static final Duration CHUNK_BUDGET_WAIT = Duration.ofSeconds(10);

    private final DependencyBoundService dependencies;
    private final UploadStatusView statuses;
    private final UploadChunksView chunks;
    private final AssetIndexView index;
    private final DashboardView dashboards;
    private final Deque<AutoCloseable> resources;
    private final List<Route> routes;
    private volatile boolean closed;

    private IngestApiService(DependencyBoundService dependencies, UploadStatusView statuses, UploadChunksView chunks,
            AssetIndexView index, DashboardView dashboards, Deque<AutoCloseable> resources, List<Route> routes) {
        this.dependencies = dependencies;
        this.statuses = statuses;
        this.chunks = chunks;
        this.index = index;
        this.dashboards = dashboards;
        this.resources = resources;
        this.routes = List.copyOf(routes);
    }

    /** The service as {@code main} runs it. */
    public static IngestApiService create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) {
        SchemaRegistry registry = ServiceSchemaRegistry.of(
                SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)), config.getBoolean(Setting.SCHEMA_AUTO_REGISTER));
        return create(config, ApiSettings.from(config), registry,
                S3Clients.minio(config), metrics, endpoints);
    }

    /** The service with its collaborators given (tests pass shorter waits). Mounts the routes on {@code endpoints}. */
    public static IngestApiService create(SluiceConfig config, ApiSettings settings, SchemaRegistry registry,
            MinioClient minio, Metrics metrics, HttpEndpoints endpoints) {
        EventClassTrust.trustEventClasses(); // the handlers build events before any serde has run
        Callers callers = Callers.from(config);
        if (callers.tenants().size() == 0) log.warn("SLUICE_AUTH_TOKENS names no token: every API request will be refused");
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DependencyBoundService dependencies = push(resources,
                    new DependencyBoundService(config, ServiceId.INGEST_API, false));
            Path views = Path.of(config.get(Setting.STATE_DIR)).resolve("views");
            UploadStatusView statuses = push(resources, UploadStatusView.start(config, registry, views.resolve("upload-status")));
            UploadChunksView chunks = push(resources, UploadChunksView.start(config, registry, views.resolve("upload-chunks")));
            AssetIndexView index = push(resources, AssetIndexView.start(config, registry, views.resolve("asset-index")));
            DashboardView dashboards = push(resources, DashboardView.start(config, registry, views.resolve("dashboards")));
            RequestPublisher publisher = push(resources, RequestPublisher.create(config, registry));
            ChunkMemoryBudget budget = ChunkMemoryBudget.forHeap(settings.limits().chunkSizeMax(), CHUNK_BUDGET_WAIT);
            TusSettings tus = TusSettings.from(config, settings.limits());
            List<String> origins = Cors.origins(config);
            ApiRoutes.Mounted routes = ApiRoutes.of(settings, tus, publisher, statuses, chunks, index, dashboards, minio,
                    budget, Clock.systemUTC(), metrics.registry());
            endpoints.route("/v1/", new Cors(origins, new ApiRouter(callers, routes.api(), metrics.registry())));
            endpoints.route(TusRoutes.PREFIX, new Cors(origins, new TusRouter(
                    new ApiRouter(callers, routes.tus(), metrics.registry()), settings.limits().maxUploadSize())));
            endpoints.route(DashboardPage.PATH, DashboardPage.load());
            endpoints.route(OpenApiDocument.PATH, OpenApiDocument.load());
            publisher.bindMetrics(metrics.registry());
            statuses.bindMetrics(metrics.registry());
            chunks.bindMetrics(metrics.registry());
            index.bindMetrics(metrics.registry());
            dashboards.bindMetrics(metrics.registry());
            metrics.gauge("ingest_chunk_bytes_in_flight", "Chunk bytes held by requests in flight.", budget::reservedBytes)
                    .gauge("ingest_status_view_uploads", "Uploads in the status view.", statuses::size)
                    .gauge("ingest_chunk_view_chunks", "Received chunks in the chunk progress view.", chunks::size)
                    .gauge("ingest_index_view_assets", "Assets in the index view.", index::size);
            List<Route> mounted = new ArrayList<>(routes.api());
            mounted.addAll(routes.tus());
            return new IngestApiService(dependencies, statuses, chunks, index, dashboards, resources, mounted);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    /** The routes mounted under {@code /v1/} and {@code /v1/tus/} (what the OpenAPI document must describe). */
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void start() {
        dependencies.start();
    }

    @Override
    public Readiness readiness() {
        Readiness kafkaAndRegistry = dependencies.readiness();
        if (!kafkaAndRegistry.isReady()) return kafkaAndRegistry;
        Readiness statusView = statuses.readiness();
        if (!statusView.isReady()) return Readiness.notReady("upload status view: " + statusView.detail());
        Readiness chunkView = chunks.readiness();
        if (!chunkView.isReady()) return Readiness.notReady("chunk progress view: " + chunkView.detail());
        Readiness indexView = index.readiness();
        if (!indexView.isReady()) return Readiness.notReady("asset index view: " + indexView.detail());
        Readiness dashboardView = dashboards.readiness();
        if (!dashboardView.isReady()) return Readiness.notReady("dashboard view: " + dashboardView.detail());
        return Readiness.ready();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        closeAll(resources);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    /** Closes in reverse order of creation: the producer first, the dependency watch last. */
    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
