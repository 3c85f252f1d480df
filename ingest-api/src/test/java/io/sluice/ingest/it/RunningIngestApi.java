package io.sluice.ingest.it;

import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.IngestApiService;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * The ingest API in this JVM, on port 0, against the real broker, registry and S3 server, as
 * {@code ServiceLauncher} runs it. Tenants {@code acme} and {@code globex}, small chunk bounds, a
 * small parking bound, and short waits so that a 404 or a 202 does not take long.
 */
final class RunningIngestApi implements AutoCloseable {

    static final String ACME_TOKEN = "acme-secret-token";
    static final String GLOBEX_TOKEN = "globex-secret-token";
    static final String BUCKET = "ingest-it";
    static final int CHUNK_SIZE_DEFAULT = 4096;
    static final long PARKED_BYTES_MAX = 8192;
    static final long MAX_UPLOAD_SIZE = 10_000_000;

    final SluiceConfig config;
    final SchemaRegistryClient registry;
    private final HttpEndpoints endpoints;
    private final IngestApiService service;

    private RunningIngestApi(SluiceConfig config, SchemaRegistryClient registry, HttpEndpoints endpoints,
            IngestApiService service) {
        this.config = config;
        this.registry = registry;
        this.endpoints = endpoints;
        this.service = service;
    }

    static RunningIngestApi start(KafkaServer kafka, SchemaRegistryServer registryServer, S3Server s3) {
        for (TopicSpec<?, ?> topic : Topics.all()) kafka.createTopic(topic.name(), topic.partitions(), topic.config());
        s3.createBucket(BUCKET);
        SluiceConfig config = SluiceConfig.of(Map.ofEntries(
                Map.entry(Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers()),
                Map.entry(Setting.SCHEMA_REGISTRY_URL, registryServer.url()),
                Map.entry(Setting.S3_ENDPOINT, s3.endpoint()),
                Map.entry(Setting.S3_REGION, s3.region()),
                Map.entry(Setting.S3_ACCESS_KEY, s3.accessKey()),
                Map.entry(Setting.S3_SECRET_KEY, s3.secretKey()),
                Map.entry(Setting.S3_BUCKET, BUCKET),
                Map.entry(Setting.STATE_DIR, TestDirectories.newDirectory("ingest-api").toString()),
                Map.entry(Setting.AUTH_TOKENS, "acme=sha256:" + sha256(ACME_TOKEN) + ",globex=sha256:" + sha256(GLOBEX_TOKEN)),
                Map.entry(Setting.MAX_UPLOAD_SIZE, Long.toString(MAX_UPLOAD_SIZE)),
                Map.entry(Setting.CHUNK_SIZE_MIN, "1024"),
                Map.entry(Setting.CHUNK_SIZE_DEFAULT, Integer.toString(CHUNK_SIZE_DEFAULT)),
                Map.entry(Setting.CHUNK_SIZE_MAX, "65536"),
                Map.entry(Setting.PARKED_BYTES_MAX, Long.toString(PARKED_BYTES_MAX))));
        ApiSettings settings = ApiSettings.from(config)
                .withWaits(Duration.ofMillis(300), Duration.ofSeconds(15), Duration.ofSeconds(15));
        SchemaRegistryClient registry = SchemaRegistryClient.of(registryServer.url());
        IngestApiService[] holder = new IngestApiService[1];
        Metrics metrics = new Metrics("ingest-api");
        HttpEndpoints endpoints = HttpEndpoints.bind("127.0.0.1", 0, () -> holder[0].readiness(), metrics);
        holder[0] = IngestApiService.create(config, settings, registry, s3.client(), metrics, endpoints);
        endpoints.start();
        holder[0].start();
        RunningIngestApi api = new RunningIngestApi(config, registry, endpoints, holder[0]);
        Await.until(Duration.ofSeconds(60), () -> holder[0].readiness().isReady(), "the ingest API to be ready");
        return api;
    }

    IngestApiService service() {
        return service;
    }

    HttpEndpoints endpoints() {
        return endpoints;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + endpoints.port();
    }

    @Override
    public void close() {
        endpoints.close();
        service.close();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
