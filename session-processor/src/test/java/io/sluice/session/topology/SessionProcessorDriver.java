package io.sluice.session.topology;

import io.sluice.events.AbortRequested;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetter;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.FinishRequested;
import io.sluice.events.ForgetRequested;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.events.ChunkProgress;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.session.domain.Sha256;
import io.sluice.upload.UploadLimits;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Drives the session processor's topology in the domain's words ("open", "send chunk", "report
 * stored", "finish") over {@link TopologyTestDriver}, and reads back decisions and statuses.
 */
final class SessionProcessorDriver implements AutoCloseable {

    static final String TENANT = "acme";
    /** Another configured tenant. */
    static final String OTHER_TENANT = "globex";
    static final Duration TTL = Duration.ofMinutes(10);
    /** How long an ended upload is kept before the punctuator asks to forget it. */
    static final Duration RETENTION = Duration.ofDays(7);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, UploadRequest> requests;
    private final TestInputTopic<String, BlobEvent> blobEvents;
    private final TestInputTopic<String, UploadFinished> finished;
    private final TestOutputTopic<String, UploadDecision> decisions;
    private final TestOutputTopic<String, UploadStatus> statuses;
    private final TestOutputTopic<String, ChunkProgress> chunkProgress;
    private final Map<String, ChunkProgress> latestChunkProgress = new TreeMap<>();
    private final TestOutputTopic<String, UploadRequest> requestsOut;
    private final TestOutputTopic<byte[], DeadLetter> deadLetters;
    private Instant now = Instant.parse("2026-11-21T10:00:00Z");

    /** A driver whose configuration names {@link #TENANT} and {@link #OTHER_TENANT}. */
    SessionProcessorDriver(long parkedBytesLimit) throws Exception {
        this(parkedBytesLimit, Set.of(TENANT, OTHER_TENANT));
    }

    SessionProcessorDriver(long parkedBytesLimit, Set<String> knownTenants) throws Exception {
        this(permissiveLimits(parkedBytesLimit), knownTenants);
    }

    /**
     * Limits that let the tests cut small files into chunks of a few bytes: every size and chunk
     * size up to the usual maximums, at most the default chunk count.
     */
    static UploadLimits permissiveLimits(long parkedBytesLimit) {
        return new UploadLimits(1L << 40, 1, 1, 16 << 20, UploadLimits.DEFAULT_MAX_CHUNK_COUNT, parkedBytesLimit);
    }

    SessionProcessorDriver(UploadLimits limits, Set<String> knownTenants) throws Exception {
        Properties properties = new Properties();
        properties.putAll(SessionProcessorTopology.streamsProperties(registry));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "session-processor-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Path stateDir = Path.of(System.getProperty("sluice.build.dir", "target"), "ttd-state");
        Files.createDirectories(stateDir);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(stateDir, "session").toString());
        SessionProcessorSettings settings = new SessionProcessorSettings(limits, Duration.ofSeconds(5), RETENTION,
                knownTenants);
        driver = new TopologyTestDriver(SessionProcessorTopology.buildTopology(settings, registry), properties, now);
        requests = input(Topics.UPLOAD_REQUESTS, registry);
        blobEvents = input(Topics.BLOB_EVENTS, registry);
        finished = input(Topics.UPLOADS_FINISHED, registry);
        decisions = output(Topics.UPLOAD_DECISIONS, registry);
        statuses = output(Topics.UPLOAD_STATUS, registry);
        chunkProgress = output(Topics.UPLOAD_CHUNKS, registry);
        requestsOut = output(Topics.UPLOAD_REQUESTS, registry);
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).deserializer());
    }

    /** Writes {@code value} to an input topic as it is, under the key {@code uploadId}. */
    void sendRaw(String topic, String uploadId, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(uploadId, value, now);
    }

    /** The registry the topology's serdes use: to write records in other schemas. */
    InMemorySchemaRegistry registry() {
        return registry;
    }

    /** The records on the dead-letter topic since the last call. */
    List<TestRecord<byte[], DeadLetter>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    private <V> TestInputTopic<String, V> input(TopicSpec<String, V> topic, InMemorySchemaRegistry registry) {
        return driver.createInputTopic(topic.name(), topic.keySerde(registry).serializer(),
                topic.valueSerde(registry).serializer());
    }

    private <V> TestOutputTopic<String, V> output(TopicSpec<String, V> topic, InMemorySchemaRegistry registry) {
        return driver.createOutputTopic(topic.name(), topic.keySerde(registry).deserializer(),
                topic.valueSerde(registry).deserializer());
    }

    /** Opens an upload of {@code size} bytes; returns the request's event id. */
    String open(String uploadId, long size, int chunkSize) {
        return open(opened(uploadId, size, chunkSize).build());
    }

    String open(UploadOpened opened) {
        requests.pipeInput(opened.getUploadId(), new UploadRequest(opened), now);
        return opened.getEventId();
    }

    UploadOpened.Builder opened(String uploadId, long size, int chunkSize) {
        return UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(now).setFileName("photo.jpg").setContentType("image/jpeg")
                .setSize(size).setChunkSize(chunkSize).setChunkCount((int) ((size + chunkSize - 1) / chunkSize))
                .setMetadata(Map.of("camera", "x100")).setIdleTtlMillis(TTL.toMillis()).setExpiresAt(now.plus(TTL));
    }

    /** Publishes a request as it is, whatever it says. */
    void requests(String uploadId, UploadRequest request) {
        requests.pipeInput(uploadId, request, now);
    }

    void sendChunk(String uploadId, int index, byte[] bytes) {
        sendChunk(uploadId, TENANT, index, bytes);
    }

    void sendChunk(String uploadId, String tenant, int index, byte[] bytes) {
        requests.pipeInput(uploadId, new UploadRequest(ChunkReceived.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setUploadId(uploadId).setTenant(tenant).setTimestamp(now)
                .setIndex(index).setLength(bytes.length).setSha256(Sha256.hex(Sha256.of(bytes)))
                .setBytes(ByteBuffer.wrap(bytes)).build()), now);
    }

    void reportStored(String uploadId, int index, byte[] bytes) {
        String sha = Sha256.hex(Sha256.of(bytes));
        blobEvents.pipeInput(uploadId, new BlobEvent(ChunkStored.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(now).setIndex(index).setLength(bytes.length)
                .setSha256(sha).setObjectKey(ObjectKeys.chunk(uploadId, index, sha)).build()), now);
    }

    String finish(String uploadId, long size, byte[] sha256) {
        String eventId = UUID.randomUUID().toString();
        requests.pipeInput(uploadId, new UploadRequest(FinishRequested.newBuilder().setEventId(eventId)
                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(now).setSize(size)
                .setSha256(Sha256.hex(sha256)).build()), now);
        return eventId;
    }

    String abort(String uploadId) {
        String eventId = UUID.randomUUID().toString();
        requests.pipeInput(uploadId, new UploadRequest(AbortRequested.newBuilder().setEventId(eventId)
                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(now).build()), now);
        return eventId;
    }

    void announceFinished(String uploadId, long size, byte[] sha256) {
        String assetId = UploadIds.assetIdFor(uploadId);
        finished.pipeInput(uploadId, UploadFinished.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(now).setAssetId(assetId)
                .setFileName("photo.jpg").setContentType("image/jpeg").setSize(size).setSha256(Sha256.hex(sha256))
                .setObjectKey(ObjectKeys.asset(TENANT, assetId)).setCreatedAt(now).build(), now);
    }

    /** Moves event time (what the next events carry) and the wall clock (what the punctuator sees). */
    void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /**
     * The requests the punctuator wrote to the request topic. The test driver feeds records written
     * to one of the topology's input topics straight back into it, as Kafka would.
     */
    List<UploadRequest> expiryRequests() {
        return requestsOut.readValuesToList();
    }

    /** A forget request as the punctuator writes it, for an upload that ended at {@code endedAt}. */
    void requestForget(String uploadId, Instant endedAt) {
        requests.pipeInput(uploadId, new UploadRequest(ForgetRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setUploadId(uploadId).setTenant(TENANT).setTimestamp(now)
                .setEndedAt(endedAt).build()), now);
    }

    KeyValueStore<String, byte[]> chunkEntriesStore() {
        return driver.getKeyValueStore(SessionProcessorTopology.CHUNK_ENTRIES_STORE);
    }

    /** An expiry request as the punctuator writes it, for an upload last active at {@code lastActivity}. */
    void requestExpiry(String uploadId, Instant lastActivity) {
        requestExpiry(uploadId, TENANT, lastActivity);
    }

    void requestExpiry(String uploadId, String tenant, Instant lastActivity) {
        requests.pipeInput(uploadId, new UploadRequest(ExpiryRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setUploadId(uploadId).setTenant(tenant).setTimestamp(now)
                .setLastActivityAt(lastActivity).build()), now);
    }

    /** The payloads of every decision since the last call. */
    List<Object> decisions() {
        return decisions.readValuesToList().stream().map(UploadDecision::getPayload).toList();
    }

    /** The newest status of each upload written since the last call. */
    Map<String, UploadStatus> statuses() {
        return statuses.readKeyValuesToMap();
    }

    /** The indexes of the upload's chunks received so far, from the chunk progress topic. */
    List<Integer> receivedChunks(String uploadId) {
        return chunkIndexes(uploadId, progress -> true);
    }

    /** The indexes of the upload's chunks whose accepted bytes are stored, from the chunk progress topic. */
    List<Integer> storedChunks(String uploadId) {
        return chunkIndexes(uploadId, ChunkProgress::getStored);
    }

    private List<Integer> chunkIndexes(String uploadId, java.util.function.Predicate<ChunkProgress> which) {
        latestChunkProgress.putAll(chunkProgress.readKeyValuesToMap());
        return latestChunkProgress.entrySet().stream()
                .filter(e -> e.getKey().startsWith(ChunkKeys.prefix(uploadId)))
                .filter(e -> e.getValue() != null && which.test(e.getValue()))
                .map(e -> e.getValue().getIndex()).toList();
    }

    /**
     * The bytes (keys and values) written to the app's changelog topics since the last call: what
     * restoring or replicating the processor's state costs.
     */
    long changelogBytes() {
        long bytes = 0;
        for (String topic : driver.producedTopicNames()) {
            if (!topic.endsWith("-changelog")) continue;
            for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                bytes += (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
            }
        }
        return bytes;
    }

    /** The bytes of the status records written since the last call. */
    long statusBytes() {
        long bytes = 0;
        for (TestRecord<byte[], byte[]> record : driver.createOutputTopic(Topics.UPLOAD_STATUS.name(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList()) {
            bytes += record.value() == null ? 0 : record.value().length;
        }
        return bytes;
    }

    KeyValueStore<String, SessionRecord> sessionsStore() {
        return driver.getKeyValueStore(SessionProcessorTopology.SESSIONS_STORE);
    }

    KeyValueStore<String, byte[]> parkedStore() {
        return driver.getKeyValueStore(SessionProcessorTopology.PARKED_CHUNKS_STORE);
    }

    Instant now() {
        return now;
    }

    @Override
    public void close() {
        driver.close();
    }
}
