package io.sluice.e2e;

import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher.RunningService;
import io.sluice.runtime.service.ServiceLauncher;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.serde.SchemaRegistration;
import io.sluice.schemas.topics.TopicSchemas;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.Infrastructure;
import io.sluice.testkit.TestDirectories;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The four services started in this JVM against the test servers, as {@code main} would start
 * them, with two tenants and their tokens. Stream apps have fixed application ids, so one pipeline
 * runs per JVM: test classes share it through {@link SharedPipeline}; a test that needs other
 * settings for every service (a short time-to-live) runs in a JVM of its own.
 */
final class InProcessPipeline implements AutoCloseable {

    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    /**
     * Tenants each used by one test class only, for tests that count what a tenant did (the
     * dashboard figures): on the shared pipeline, other classes' uploads would change the counts.
     */
    static final List<String> COUNTED_TENANTS = List.of("initech", "umbrella");

    private final Infrastructure infrastructure;
    private final SluiceConfig config;
    private final List<RunningService> services = new ArrayList<>();
    private final String token = "token-" + UUID.randomUUID();
    private final String otherToken = "token-" + UUID.randomUUID();
    private final String operatorToken = "operator-" + UUID.randomUUID();
    private final Map<String, String> countedTenantTokens = COUNTED_TENANTS.stream()
            .collect(java.util.stream.Collectors.toMap(tenant -> tenant, tenant -> "token-" + UUID.randomUUID()));

    private InProcessPipeline(Infrastructure infrastructure, SluiceConfig config) {
        this.infrastructure = infrastructure;
        this.config = config;
    }

    static InProcessPipeline start(Infrastructure infrastructure, String name) throws Exception {
        return start(infrastructure, name, Map.of());
    }

    /**
     * @param overrides settings every service gets instead of the test defaults (e.g.
     *     {@link Setting#UPLOAD_TTL}, {@link Setting#PARKED_BYTES_MAX})
     */
    static InProcessPipeline start(Infrastructure infrastructure, String name, Map<Setting, String> overrides)
            throws Exception {
        for (TopicSpec<?, ?> topic : Topics.all()) {
            infrastructure.kafka().createTopic(topic.name(), topic.partitions(), topic.config());
        }
        // as ./sluice up and compose's stack-init do: the services only look the catalogue's schemas up
        TopicSchemas.registerAll(SchemaRegistryClient.of(infrastructure.registry().url()));
        String bucket = "sluice-" + name;
        infrastructure.s3().createBucket(bucket);
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.KAFKA_BOOTSTRAP_SERVERS, infrastructure.kafka().bootstrapServers());
        settings.put(Setting.SCHEMA_REGISTRY_URL, infrastructure.registry().url());
        settings.put(Setting.S3_ENDPOINT, infrastructure.s3().endpoint());
        settings.put(Setting.S3_REGION, infrastructure.s3().region());
        settings.put(Setting.S3_ACCESS_KEY, infrastructure.s3().accessKey());
        settings.put(Setting.S3_SECRET_KEY, infrastructure.s3().secretKey());
        settings.put(Setting.S3_BUCKET, bucket);
        settings.put(Setting.HTTP_PORT, "0");
        settings.put(Setting.FINISH_WAIT, "PT60S");
        settings.putAll(overrides);
        InProcessPipeline pipeline = new InProcessPipeline(infrastructure, SluiceConfig.of(settings));
        try {
            pipeline.startServices(name);
        } catch (Exception | Error e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    private void startServices(String name) throws Exception {
        StringBuilder tokens = new StringBuilder(TENANT + "=sha256:" + sha256Hex(token) + "," + OTHER_TENANT
                + "=sha256:" + sha256Hex(otherToken));
        for (Map.Entry<String, String> counted : countedTenantTokens.entrySet()) {
            tokens.append(',').append(counted.getKey()).append("=sha256:").append(sha256Hex(counted.getValue()));
        }
        SluiceConfig withTokens = config.with(Setting.AUTH_TOKENS, tokens.toString())
                .with(Setting.OPERATOR_TOKENS, "ops=sha256:" + sha256Hex(operatorToken));
        var stateRoot = TestDirectories.newDirectory("pipeline-" + name);
        for (ServiceId id : List.of(ServiceId.SESSION_PROCESSOR, ServiceId.BLOB_WRITER, ServiceId.INDEX_PROJECTOR,
                ServiceId.INGEST_API)) {
            SluiceConfig own = withTokens.with(Setting.STATE_DIR, stateRoot.resolve(id.moduleName()).toString());
            services.add(ServiceLauncher.start(id, own, ServiceFactories.of(id)));
        }
        for (RunningService service : services) {
            Await.until(Duration.ofSeconds(90), () -> service.service().readiness().isReady(),
                    service.id().moduleName() + " ready");
        }
    }

    /** The settings every service runs with (without the tokens). */
    SluiceConfig config() {
        return config;
    }

    SluiceClient client() {
        return new SluiceClient(baseUrl(), token);
    }

    /** The operator's token: admin routes and every tenant's dashboard figures. */
    String operatorToken() {
        return operatorToken;
    }

    /** The port of a service's HTTP endpoints. */
    int httpPort(ServiceId id) {
        return services.stream().filter(s -> s.id() == id).findFirst().orElseThrow().httpPort();
    }

    /** A client of one of {@link #COUNTED_TENANTS}. */
    SluiceClient countedTenantClient(String tenant) {
        String secret = countedTenantTokens.get(tenant);
        if (secret == null) throw new IllegalArgumentException("not a counted tenant: " + tenant);
        return new SluiceClient(baseUrl(), secret);
    }

    SluiceClient otherTenantClient() {
        return new SluiceClient(baseUrl(), otherToken);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ingest().httpPort();
    }

    /** Reads the pipeline's topics as any consumer would. */
    EventLog events() {
        return new EventLog(infrastructure.kafka().bootstrapServers(),
                SchemaRegistryClient.of(infrastructure.registry().url()));
    }

    /** The names of the objects in the pipeline's bucket under {@code prefix}, listed through MinIO. */
    List<String> objectKeys(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : infrastructure.s3().client().listObjects(ListObjectsArgs.builder()
                .bucket(config.get(Setting.S3_BUCKET)).prefix(prefix).recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }

    /** Whether the service is ready now, as its {@code /health/ready} would say. */
    boolean isReady(ServiceId id) {
        return services.stream().filter(s -> s.id() == id).findFirst().orElseThrow().service().readiness().isReady();
    }

    /**
     * Publishes one request event as a direct producer would, whatever it says: a plain
     * KafkaProducer with the registry serde, acknowledged by every replica.
     */
    void publishRequest(String uploadId, Object payload) throws Exception {
        try (DirectProducer producer = directProducer()) {
            producer.send(uploadId, payload);
        }
    }

    private DirectProducer directProducer() {
        return new DirectProducer(infrastructure.kafka().bootstrapServers(),
                SchemaRegistryClient.of(infrastructure.registry().url()), SchemaRegistration.AUTO_REGISTER);
    }

    private RunningService ingest() {
        return services.stream().filter(s -> s.id() == ServiceId.INGEST_API).findFirst().orElseThrow();
    }

    /**
     * Uploads a file as a backend service would without the HTTP API ({@link DirectProducer});
     * the asset id comes from UploadFinished.
     */
    String uploadThroughKafka(String fileName, byte[] file, int chunkSize) throws Exception {
        String uploadId;
        try (DirectProducer producer = directProducer()) {
            uploadId = producer.upload(TENANT, fileName, file, chunkSize);
        }
        return events().await(Topics.UPLOADS_FINISHED, uploadId, found -> !found.isEmpty(), Duration.ofSeconds(60))
                .getFirst().getAssetId();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) services.get(i).close();
    }
}
