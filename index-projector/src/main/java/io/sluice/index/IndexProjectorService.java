package io.sluice.index;

import io.sluice.index.dashboards.ActivityListener;
import io.sluice.index.topology.IndexProjectorSettings;
import io.sluice.index.topology.IndexProjectorTopology;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.StreamsSettings;
import io.sluice.runtime.service.Readiness;
import io.sluice.runtime.service.Service;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.ServiceSchemaRegistry;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The index projector: its Streams app, which makes index entries durable and then announces
 * {@code UploadFinished}, and builds the dashboard projections. Ready while the app is RUNNING. It serves no reads: the ingest API does.
 */
public final class IndexProjectorService implements Service {

    /**
     * Blob events and index entries carry no chunk bytes; an entry is bounded by the upload's
     * metadata. The limit sizes the app's fetches and its producer's requests.
     */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private final KafkaStreams streams;

    public IndexProjectorService(SluiceConfig config, ActivityListener activities) {
        this(config, ServiceSchemaRegistry.of(SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)),
                config.getBoolean(Setting.SCHEMA_AUTO_REGISTER)), new Properties(), activities);
    }

    /**
     * @param overrides Streams properties that win over the defaults (tests: application id)
     * @param activities told of what the dashboard projections count (the service's meters)
     */
    public IndexProjectorService(SluiceConfig config, SchemaRegistry registry, Properties overrides,
            ActivityListener activities) {
        Properties properties = StreamsSettings.exactlyOnce(config, IndexProjectorTopology.APPLICATION_ID,
                MAX_RECORD_BYTES);
        properties.putAll(IndexProjectorTopology.streamsProperties(registry));
        properties.putAll(overrides);
        this.streams = new KafkaStreams(IndexProjectorTopology.buildTopology(
                IndexProjectorSettings.from(config), registry, activities), properties);
    }

    @Override
    public void start() {
        streams.start();
    }

    @Override
    public Readiness readiness() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Readiness.ready() : Readiness.notReady("streams " + state);
    }

    /** The Streams app, for its metrics. */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        StreamsSettings.close(streams);
    }
}
