package io.sluice.session.topology;

import io.sluice.runtime.service.ServiceId;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.deadletters.DeadLetterDeserializationHandler;
import io.sluice.schemas.deadletters.ProcessorDeadLetters;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The session processor's topology, as a story:
 * <ol>
 *   <li>an upload's requests (open, chunk, finish, abort, expiry), the blob writer's reports and
 *       {@code UploadFinished} arrive on three co-partitioned topics keyed by upload id;</li>
 *   <li>one processor applies each to the upload's session, kept in {@value #SESSIONS_STORE} (one
 *       bounded record per upload) and {@value #CHUNK_ENTRIES_STORE} (one entry per chunk), with
 *       chunks that arrived ahead of the hash frontier parked in {@value #PARKED_CHUNKS_STORE} and
 *       stored-chunk reports that overtook their upload's opening kept in {@value #EARLY_REPORTS_STORE};</li>
 *   <li>every decision goes to the decisions topic, every change of a session to the compacted
 *       status topic, every change of a chunk to the compacted chunk progress topic, and the
 *       punctuator's expiry requests back to the request topic;</li>
 *   <li>a request naming a tenant that does not exist goes to the dead-letter topic instead, and so
 *       does, through {@link DeadLetterDeserializationHandler} (installed by {@link #streamsProperties}),
 *       any input record that cannot be decoded: processing goes on with the next record.</li>
 * </ol>
 * Used by {@code main} and by the tests alike.
 */
public final class SessionProcessorTopology {

    public static final String APPLICATION_ID = "sluice-session-processor";
    /** The component named in this app's dead letters. */
    public static final String COMPONENT = ServiceId.SESSION_PROCESSOR.moduleName();
    public static final String SESSIONS_STORE = "upload-sessions";
    public static final String PARKED_CHUNKS_STORE = "parked-chunks";
    public static final String EARLY_REPORTS_STORE = "early-stored-reports";
    public static final String CHUNK_ENTRIES_STORE = "upload-chunks";

    static final String REQUESTS_SOURCE = "upload-requests-source";
    static final String BLOB_EVENTS_SOURCE = "blob-events-source";
    static final String FINISHED_SOURCE = "uploads-finished-source";
    static final String PROCESSOR = "upload-session-processor";
    static final String DECISIONS_SINK = "upload-decisions-sink";
    static final String STATUS_SINK = "upload-status-sink";
    static final String CHUNK_PROGRESS_SINK = "upload-chunks-sink";
    static final String EXPIRY_REQUESTS_SINK = "expiry-requests-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";

    private SessionProcessorTopology() {}

    public static Topology buildTopology(SessionProcessorSettings settings, SchemaRegistry registry) {
        Topology topology = new Topology();
        source(topology, REQUESTS_SOURCE, Topics.UPLOAD_REQUESTS, registry);
        source(topology, BLOB_EVENTS_SOURCE, Topics.BLOB_EVENTS, registry);
        source(topology, FINISHED_SOURCE, Topics.UPLOADS_FINISHED, registry);

        ProcessorDeadLetters<UploadRequest> deadLetters = new ProcessorDeadLetters<>(
                Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer(), COMPONENT, DEAD_LETTERS_SINK);
        topology.addProcessor(PROCESSOR, () -> new UploadSessionProcessor(settings, deadLetters),
                REQUESTS_SOURCE, BLOB_EVENTS_SOURCE, FINISHED_SOURCE);

        // Parked chunks are whole chunks: their changelog needs the large-record limit of the request
        // topic. A session record and a chunk entry are small whatever the chunk count.
        Map<String, String> largeRecords = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                Integer.toString(Topics.MAX_EVENT_BYTES));
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSIONS_STORE),
                Serdes.String(), new SessionRecordSerde()).withCachingDisabled().withLoggingEnabled(Map.of()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CHUNK_ENTRIES_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(Map.of()), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARKED_CHUNKS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(largeRecords), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EARLY_REPORTS_STORE),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled().withLoggingEnabled(Map.of()), PROCESSOR);

        sink(topology, DECISIONS_SINK, Topics.UPLOAD_DECISIONS, registry);
        sink(topology, STATUS_SINK, Topics.UPLOAD_STATUS, registry);
        sink(topology, CHUNK_PROGRESS_SINK, Topics.UPLOAD_CHUNKS, registry);
        sink(topology, EXPIRY_REQUESTS_SINK, Topics.UPLOAD_REQUESTS, registry);
        // Keys reach the processor as strings; their UTF-8 bytes are the original key bytes the
        // dead-letter topic is keyed by.
        topology.addSink(DEAD_LETTERS_SINK, Topics.DEAD_LETTERS.name(), Serdes.String().serializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).serializer(), PROCESSOR);
        return topology;
    }

    /**
     * The Streams properties the topology needs besides the usual ones: the deserialization handler
     * that sets undecodable input records aside. Used by the service and the tests alike.
     */
    public static Map<String, Object> streamsProperties(SchemaRegistry registry) {
        return DeadLetterDeserializationHandler.streamsProperties(registry, COMPONENT);
    }

    private static <V> void source(Topology topology, String name, TopicSpec<String, V> topic, SchemaRegistry registry) {
        topology.addSource(name, topic.keySerde(registry).deserializer(), topic.valueSerde(registry).deserializer(),
                topic.name());
    }

    @SuppressWarnings("unchecked")
    private static <V> void sink(Topology topology, String name, TopicSpec<String, V> topic, SchemaRegistry registry) {
        topology.addSink(name, topic.name(), topic.keySerde(registry).serializer(),
                (org.apache.kafka.common.serialization.Serializer<Object>) topic.valueSerde(registry).serializer(),
                PROCESSOR);
    }
}
