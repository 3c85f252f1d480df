package io.sluice.index;

import io.sluice.index.topology.IndexProjectorSettings;
import io.sluice.index.topology.IndexProjectorTopology;
import io.sluice.projections.AssetIndexView;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.StreamsSettings;
import io.sluice.runtime.service.Readiness;
import io.sluice.runtime.service.Service;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The index projector: its Streams app, which makes index entries durable and then announces
 * {@code UploadFinished}, and a view of the index it serves reads from. Ready while the app is
 * RUNNING and the view has loaded the index.
 */
public final class IndexProjectorService implements Service {

    /**
     * Blob events and index entries carry no chunk bytes; an entry is bounded by the upload's
     * metadata. The limit sizes the app's fetches and its producer's requests.
     */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private final SluiceConfig config;
    private final SchemaRegistry registry;
    private final KafkaStreams streams;
    private volatile AssetIndexView assets;

    public IndexProjectorService(SluiceConfig config) {
        this(config, SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)), new Properties());
    }

    /** @param overrides Streams properties that win over the defaults (tests: application id) */
    public IndexProjectorService(SluiceConfig config, SchemaRegistry registry, Properties overrides) {
        this.config = config;
        this.registry = registry;
        Properties properties = StreamsSettings.exactlyOnce(config, IndexProjectorTopology.APPLICATION_ID,
                MAX_RECORD_BYTES);
        properties.putAll(IndexProjectorTopology.streamsProperties(registry));
        properties.putAll(overrides);
        this.streams = new KafkaStreams(IndexProjectorTopology.buildTopology(
                IndexProjectorSettings.from(config), registry), properties);
    }

    @Override
    public void start() {
        assets = AssetIndexView.start(config, registry);
        streams.start();
    }

    /** The view of the index; null before {@link #start()}. */
    public AssetIndexView assets() {
        return assets;
    }

    @Override
    public Readiness readiness() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) return Readiness.notReady("streams " + state);
        AssetIndexView view = assets;
        return view == null ? Readiness.notReady("asset index view not started") : view.readiness();
    }

    @Override
    public void close() {
        StreamsSettings.close(streams);
        AssetIndexView view = assets;
        if (view != null) view.close();
    }
}
