package io.sluice.runtime.service;

/**
 * The four Sluice services: their names (which are also their Maven modules and their names in
 * {@code ./sluice}), main classes and default HTTP ports.
 */
public enum ServiceId {
    INGEST_API("ingest-api", "io.sluice.ingest.IngestApiMain", 8080),
    SESSION_PROCESSOR("session-processor", "io.sluice.session.SessionProcessorMain", 8081),
    BLOB_WRITER("blob-writer", "io.sluice.blob.BlobWriterMain", 8082),
    INDEX_PROJECTOR("index-projector", "io.sluice.index.IndexProjectorMain", 8083);

    private final String moduleName;
    private final String mainClass;
    private final int defaultHttpPort;

    ServiceId(String moduleName, String mainClass, int defaultHttpPort) {
        this.moduleName = moduleName;
        this.mainClass = mainClass;
        this.defaultHttpPort = defaultHttpPort;
    }

    /** e.g. {@code session-processor}: the Maven module, the component name, the Kafka client id prefix. */
    public String moduleName() {
        return moduleName;
    }

    public String mainClass() {
        return mainClass;
    }

    public int defaultHttpPort() {
        return defaultHttpPort;
    }

    public static ServiceId byModuleName(String name) {
        for (ServiceId id : values()) {
            if (id.moduleName.equals(name)) return id;
        }
        throw new IllegalArgumentException("Unknown service: " + name);
    }
}
