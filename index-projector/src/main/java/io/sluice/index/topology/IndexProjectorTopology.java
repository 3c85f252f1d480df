package io.sluice.index.topology;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.index.dashboards.ActivityListener;
import io.sluice.index.dashboards.DashboardTopology;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.deadletters.DeadLetterDeserializationHandler;
import io.sluice.schemas.deadletters.ProcessorDeadLetters;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The index projector's topology, as a story:
 * <ol>
 *   <li>the blob writer's reports arrive on the blob-event topic, keyed by upload id; only
 *       {@code AssetStored} (a verified upload assembled into one durable object) matters here;</li>
 *   <li>{@value #ASSET_INDEXER} records the asset in {@value #ASSET_INDEX_STORE} unless it is there
 *       already (a redelivered report changes nothing);</li>
 *   <li>it writes the index entry to the compacted index topic and then {@code UploadFinished} to
 *       the finished topic. Under exactly_once_v2 both records, the store's changelog and the input
 *       offset commit in one transaction, so no read_committed reader sees {@code UploadFinished}
 *       without the durable index entry (contract I2, I3);</li>
 *   <li>a tenant's request to delete an asset arrives on the asset request topic, keyed by the
 *       asset's upload id (so the same task holds the asset): if the tenant's asset is indexed, the
 *       entry is marked deleted on the index topic and {@code AssetDeleted} goes to the decision
 *       topic, where the blob writer removes the object; a request for an asset the tenant does not
 *       have is set aside on the dead-letter topic;</li>
 *   <li>the dashboard projections ({@link DashboardTopology}) read the decisions and the finished
 *       uploads on their own sub-topologies;</li>
 *   <li>a record that cannot be decoded goes to the dead-letter topic through
 *       {@link DeadLetterDeserializationHandler} (installed by {@link #streamsProperties}), and the
 *       next one is processed.</li>
 * </ol>
 * Used by {@code main} and by the tests alike.
 */
public final class IndexProjectorTopology {

    public static final String APPLICATION_ID = "sluice-index-projector";
    /** The component named in this app's dead letters. */
    public static final String COMPONENT = ServiceId.INDEX_PROJECTOR.moduleName();
    /** Asset id to its index entry: what this instance has indexed, so redeliveries are recognised. */
    public static final String ASSET_INDEX_STORE = "asset-index-store";

    static final String BLOB_EVENTS_SOURCE = "blob-events-source";
    static final String ASSET_REQUESTS_SOURCE = "asset-requests-source";
    static final String ASSET_INDEXER = "asset-indexer";
    static final String ASSET_INDEX_SINK = "asset-index-sink";
    static final String UPLOADS_FINISHED_SINK = "uploads-finished-sink";
    static final String DECISIONS_SINK = "upload-decisions-sink";
    static final String DEAD_LETTERS_SINK = "dead-letters-sink";

    private IndexProjectorTopology() {}

    /** @param settings nothing is configurable yet; kept so main and tests build it alike when something is */
    public static Topology buildTopology(IndexProjectorSettings settings, SchemaRegistry registry) {
        return buildTopology(settings, registry, ActivityListener.NONE);
    }

    /** @param activities told of what the dashboard projections count (the service's meters) */
    public static Topology buildTopology(IndexProjectorSettings settings, SchemaRegistry registry,
            ActivityListener activities) {
        StreamsBuilder dashboards = new StreamsBuilder();
        DashboardTopology.addTo(dashboards, registry, activities);
        Topology topology = dashboards.build();
        topology.addSource(BLOB_EVENTS_SOURCE, Topics.BLOB_EVENTS.keySerde(registry).deserializer(),
                Topics.BLOB_EVENTS.valueSerde(registry).deserializer(), Topics.BLOB_EVENTS.name());
        topology.addSource(ASSET_REQUESTS_SOURCE, Topics.ASSET_REQUESTS.keySerde(registry).deserializer(),
                Topics.ASSET_REQUESTS.valueSerde(registry).deserializer(), Topics.ASSET_REQUESTS.name());
        ProcessorDeadLetters<AssetRequest> deadLetters = new ProcessorDeadLetters<>(
                Topics.ASSET_REQUESTS.valueSerde(registry).serializer(), COMPONENT, DEAD_LETTERS_SINK);
        topology.addProcessor(ASSET_INDEXER, () -> new AssetIndexer(deadLetters), BLOB_EVENTS_SOURCE,
                ASSET_REQUESTS_SOURCE);
        Serde<AssetIndexEntry> entries = Topics.ASSET_INDEX.valueSerde(registry);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ASSET_INDEX_STORE),
                Serdes.String(), entries).withCachingDisabled(), ASSET_INDEXER);
        sink(topology, ASSET_INDEX_SINK, Topics.ASSET_INDEX, registry);
        sink(topology, UPLOADS_FINISHED_SINK, Topics.UPLOADS_FINISHED, registry);
        sink(topology, DECISIONS_SINK, Topics.UPLOAD_DECISIONS, registry);
        // Keys reach the processor as strings; their UTF-8 bytes are the original key bytes the
        // dead-letter topic is keyed by.
        topology.addSink(DEAD_LETTERS_SINK, Topics.DEAD_LETTERS.name(), Serdes.String().serializer(),
                Topics.DEAD_LETTERS.valueSerde(registry).serializer(), ASSET_INDEXER);
        return topology;
    }

    /**
     * The Streams properties the topology needs besides the usual ones: the deserialization handler
     * that sets undecodable blob events aside. Used by the service and the tests alike.
     */
    public static Map<String, Object> streamsProperties(SchemaRegistry registry) {
        return DeadLetterDeserializationHandler.streamsProperties(registry, COMPONENT);
    }

    private static <V> void sink(Topology topology, String name, TopicSpec<String, V> topic, SchemaRegistry registry) {
        topology.addSink(name, topic.name(), topic.keySerde(registry).serializer(),
                topic.valueSerde(registry).serializer(), ASSET_INDEXER);
    }
}
