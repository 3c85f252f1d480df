package io.sluice.runtime.config;

/**
 * Every setting a Sluice component reads, with its default and what it means. This enum is the one
 * place defaults are defined: the README's configuration table, docker-compose.yml and the local
 * stack all use these names (a test checks the first two).
 *
 * <p>A setting is read, in order of precedence, from the JVM system property {@link #property()}
 * (e.g. {@code -Dsluice.kafka.bootstrap.servers=…}), the environment variable {@link #env()}, the
 * properties file named by {@code SLUICE_CONFIG_FILE} (keys are the property names), and finally
 * the default.
 */
public enum Setting {
    KAFKA_BOOTSTRAP_SERVERS("localhost:9092", "Kafka bootstrap servers."),
    SCHEMA_REGISTRY_URL("http://localhost:8085/apis/ccompat/v7",
            "Base URL of a Confluent-compatible schema registry API (Apicurio: …/apis/ccompat/v7)."),
    SCHEMA_AUTO_REGISTER("false", "Development only: the services register the catalogue's schemas themselves. "
            + "Off, they only look them up; they are registered before the services start (./sluice up and compose's "
            + "stack-init do)."),
    S3_ENDPOINT("http://localhost:9000", "S3 / MinIO endpoint."),
    S3_REGION("us-east-1", "S3 region used for request signing."),
    S3_ACCESS_KEY("sluice", "S3 access key."),
    S3_SECRET_KEY("sluice-dev-secret", "S3 secret key.", true),
    S3_BUCKET("sluice", "Bucket holding chunk objects and assembled assets."),
    HTTP_HOST("127.0.0.1", "Address the component's HTTP server binds to (0.0.0.0 in containers)."),
    HTTP_PORT("", "Port of the component's HTTP server (API, health, metrics); empty means the "
            + "component's own default: ingest-api 8080, session-processor 8081, blob-writer 8082, "
            + "index-projector 8083."),
    STATE_DIR("state", "Directory for local state (Kafka Streams state stores)."),
    STATE_STORE_MEMORY("67108864", "Off-heap memory all RocksDB state stores of one process share, in bytes "
            + "(64 MiB): block cache, index and filter blocks, and memtables (at most half of it)."),
    TOPIC_REPLICATION_FACTOR("1", "Replication factor of the topics Sluice creates."),
    AUTH_TOKENS("", "Bearer tokens and their tenants: comma-separated tenant=sha256:<hex of the token>. "
            + "The session processor reads the tenant names: events naming any other tenant go to the dead-letter topic.",
            true),
    MAX_UPLOAD_SIZE("107374182400", "Largest upload accepted, in bytes (100 GiB)."),
    CHUNK_SIZE_DEFAULT("8388608", "Chunk size when the client names none, in bytes (8 MiB)."),
    CHUNK_SIZE_MIN("65536", "Smallest chunk size a client may choose, in bytes (64 KiB)."),
    CHUNK_SIZE_MAX("16777216", "Largest chunk size a client may choose, in bytes (16 MiB)."),
    MAX_CHUNK_COUNT("100000", "Most chunks one upload may have; more is too_many_chunks. Bounds every per-chunk "
            + "record the pipeline keeps for an upload."),
    TUS_CHUNK_SIZE("1048576", "Chunk size of an upload made through tus, in bytes (1 MiB, within the chunk size "
            + "bounds; larger when the upload needs it to stay within SLUICE_MAX_CHUNK_COUNT). A tus PATCH makes progress "
            + "in whole chunks."),
    CORS_ORIGINS("*", "Origins whose pages may call the API, tus included (comma-separated), or * for any: its calls "
            + "carry a bearer token, never a cookie."),
    PARKED_BYTES_MAX("268435456",
            "Bytes of chunks ahead of the hash frontier parked per upload before too_far_ahead (256 MiB)."),
    OPERATOR_TOKENS("", "Operator bearer tokens, hashed like the tenant tokens: comma-separated "
            + "name=sha256:<hex of the token>. They open /admin/* routes (and every tenant's dashboard figures); they are "
            + "refused on upload and asset routes. Empty: no admin route answers.", true),
    UPLOAD_TTL("PT24H", "Idle time after which an open upload expires (ISO-8601 duration)."),
    ENDED_RETENTION("P7D", "How long an ended upload (finished, failed, aborted, expired) is remembered before it is "
            + "forgotten: its session, status, chunk records and leftover chunk objects go (ISO-8601 duration). Its "
            + "idempotency key holds until then; its asset stays."),
    FINISH_WAIT("PT30S", "How long a finish call waits for UploadFinished before answering 202."),
    STANDBY_REPLICAS("0", "num.standby.replicas of the Streams apps (session-processor, index-projector): warm copies "
            + "of each state store on other instances, so that one takes over a killed instance's tasks without "
            + "restoring them from the changelogs.");

    private final String defaultValue;
    private final String description;
    private final boolean secret;

    Setting(String defaultValue, String description) {
        this(defaultValue, description, false);
    }

    Setting(String defaultValue, String description, boolean secret) {
        this.defaultValue = defaultValue;
        this.description = description;
        this.secret = secret;
    }

    /** Environment variable name, e.g. {@code SLUICE_KAFKA_BOOTSTRAP_SERVERS}. */
    public String env() {
        return "SLUICE_" + name();
    }

    /** System property and properties-file key, e.g. {@code sluice.kafka.bootstrap.servers}. */
    public String property() {
        return "sluice." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Secrets are never logged. */
    public boolean secret() {
        return secret;
    }
}
