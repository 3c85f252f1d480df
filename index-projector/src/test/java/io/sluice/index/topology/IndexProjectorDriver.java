package io.sluice.index.topology;

import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.DerivativeLink;
import io.sluice.events.RecentUploads;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadStateCounts;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** Drives the index projector's topology over {@link TopologyTestDriver}: blob events in, index and finish out. */
final class IndexProjectorDriver implements AutoCloseable {

    static final String TENANT = "acme";
    static final Instant STORED_AT = Instant.parse("2026-11-21T10:00:00.123Z");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, BlobEvent> blobEvents;
    private final TestOutputTopic<String, AssetIndexEntry> index;
    private final TestOutputTopic<String, UploadFinished> finished;
    private final TestOutputTopic<byte[], DeadLetter> deadLetters;
    private final TestInputTopic<String, AssetRequest> assetRequests;
    private final TestOutputTopic<String, UploadDecision> decisions;
    private final TestInputTopic<String, UploadDecision> decisionsIn;
    private final TestInputTopic<String, UploadFinished> finishedIn;
    private final TestOutputTopic<String, UploadStateCounts> stateCounts;
    private final TestOutputTopic<String, TenantMinute> minutes;
    private final TestOutputTopic<String, RecentUploads> recent;

    IndexProjectorDriver() throws Exception {
        Properties properties = new Properties();
        properties.putAll(IndexProjectorTopology.streamsProperties(registry));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "index-projector-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Path stateDir = Path.of(System.getProperty("sluice.build.dir", "target"), "ttd-state");
        Files.createDirectories(stateDir);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(stateDir, "index").toString());
        driver = new TopologyTestDriver(IndexProjectorTopology.buildTopology(new IndexProjectorSettings(), registry),
                properties);
        blobEvents = driver.createInputTopic(Topics.BLOB_EVENTS.name(), Topics.BLOB_EVENTS.keySerde(registry).serializer(),
                Topics.BLOB_EVENTS.valueSerde(registry).serializer());
        index = driver.createOutputTopic(Topics.ASSET_INDEX.name(), Topics.ASSET_INDEX.keySerde(registry).deserializer(),
                Topics.ASSET_INDEX.valueSerde(registry).deserializer());
        finished = driver.createOutputTopic(Topics.UPLOADS_FINISHED.name(),
                Topics.UPLOADS_FINISHED.keySerde(registry).deserializer(),
                Topics.UPLOADS_FINISHED.valueSerde(registry).deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).deserializer());
        assetRequests = driver.createInputTopic(Topics.ASSET_REQUESTS.name(),
                Topics.ASSET_REQUESTS.keySerde(registry).serializer(), Topics.ASSET_REQUESTS.valueSerde(registry).serializer());
        decisions = driver.createOutputTopic(Topics.UPLOAD_DECISIONS.name(),
                Topics.UPLOAD_DECISIONS.keySerde(registry).deserializer(),
                Topics.UPLOAD_DECISIONS.valueSerde(registry).deserializer());
        decisionsIn = driver.createInputTopic(Topics.UPLOAD_DECISIONS.name(),
                Topics.UPLOAD_DECISIONS.keySerde(registry).serializer(),
                Topics.UPLOAD_DECISIONS.valueSerde(registry).serializer());
        finishedIn = driver.createInputTopic(Topics.UPLOADS_FINISHED.name(),
                Topics.UPLOADS_FINISHED.keySerde(registry).serializer(),
                Topics.UPLOADS_FINISHED.valueSerde(registry).serializer());
        stateCounts = output(Topics.DASHBOARD_UPLOAD_STATES);
        minutes = output(Topics.DASHBOARD_MINUTES);
        recent = output(Topics.DASHBOARD_RECENT);
    }

    private <V> TestOutputTopic<String, V> output(TopicSpec<String, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer());
    }

    /** The session processor decided {@code payload} (a decision event) for the upload it names. */
    void decided(SpecificRecord payload, String uploadId, Instant at) {
        decisionsIn.pipeInput(uploadId, new UploadDecision(payload), at);
    }

    /** {@code UploadFinished} as the index projector itself announces it. */
    void announced(UploadFinished finished) {
        finishedIn.pipeInput(finished.getUploadId(), finished, finished.getTimestamp());
    }

    /** The latest value of every key of a dashboard topic written since the last call of it (the compacted view). */
    Map<String, UploadStateCounts> stateCounts() {
        return latest(stateCounts);
    }

    Map<String, TenantMinute> minutes() {
        return latest(minutes);
    }

    Map<String, RecentUploads> recent() {
        return latest(recent);
    }

    private static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
        Map<String, V> latest = new java.util.TreeMap<>();
        topic.readRecordsToList().forEach(r -> latest.put(r.key(), r.value()));
        return latest;
    }

    /**
     * Records and bytes (keys and values) written to each topic since the last call — outputs,
     * changelogs and the repartition topic alike: what the topology costs Kafka.
     */
    Map<String, long[]> written() {
        Map<String, long[]> written = new java.util.TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            long[] counts = new long[2];
            for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                counts[0]++;
                counts[1] += (record.key() == null ? 0 : record.key().length)
                        + (record.value() == null ? 0 : record.value().length);
            }
            if (counts[0] > 0) written.put(topic, counts);
        }
        return written;
    }

    <V> KeyValueStore<String, V> dashboardStore(String name) {
        return driver.getKeyValueStore(name);
    }

    /** A tenant asks to delete the asset of {@code uploadId}, as the ingest API publishes it; returns its event id. */
    String requestDelete(String uploadId, String tenant, Instant at) {
        String eventId = UUID.randomUUID().toString();
        assetRequests.pipeInput(uploadId, new AssetRequest(AssetDeleteRequested.newBuilder().setEventId(eventId)
                .setUploadId(uploadId).setAssetId(UploadIds.assetIdFor(uploadId)).setTenant(tenant).setTimestamp(at)
                .build()), at);
        return eventId;
    }

    /** Decisions (asset deletions) written since the last call. */
    List<TestRecord<String, UploadDecision>> decisionRecords() {
        return decisions.readRecordsToList();
    }

    /** An AssetStored as the blob writer reports it, for a new upload. */
    static AssetStored.Builder assetStored() {
        String uploadId = UploadIds.newUploadId();
        String assetId = UploadIds.assetIdFor(uploadId);
        return AssetStored.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(STORED_AT).setCausationId(UUID.randomUUID().toString())
                .setAssetId(assetId).setObjectKey(ObjectKeys.asset(TENANT, assetId)).setSize(20_971_520)
                .setSha256("5f".repeat(32)).setFileName("photo.jpg").setContentType("image/jpeg")
                .setDerivativeOf((DerivativeLink) null).setMetadata(Map.of("camera", "x100"));
    }

    void report(AssetStored stored) {
        blobEvents.pipeInput(stored.getUploadId(), new BlobEvent(stored), stored.getTimestamp());
    }

    void reportChunk(String uploadId, int index) {
        String sha = "0a".repeat(32);
        blobEvents.pipeInput(uploadId, new BlobEvent(ChunkStored.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(STORED_AT).setIndex(index).setLength(1024)
                .setSha256(sha).setObjectKey(ObjectKeys.chunk(uploadId, index, sha)).build()), STORED_AT);
    }

    /** Writes {@code value} to the blob-event topic as it is, under the key {@code uploadId}. */
    void reportRaw(String uploadId, byte[] value) {
        driver.createInputTopic(Topics.BLOB_EVENTS.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(uploadId, value, STORED_AT);
    }

    /** The registry the topology's serdes use: to write records in other schemas. */
    InMemorySchemaRegistry registry() {
        return registry;
    }

    /** Records on the dead-letter topic since the last call. */
    List<TestRecord<byte[], DeadLetter>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** Index records written since the last call. */
    List<TestRecord<String, AssetIndexEntry>> indexRecords() {
        return index.readRecordsToList();
    }

    /** UploadFinished records written since the last call. */
    List<TestRecord<String, UploadFinished>> finishedRecords() {
        return finished.readRecordsToList();
    }

    KeyValueStore<String, AssetIndexEntry> store() {
        return driver.getKeyValueStore(IndexProjectorTopology.ASSET_INDEX_STORE);
    }

    @Override
    public void close() {
        driver.close();
    }
}
