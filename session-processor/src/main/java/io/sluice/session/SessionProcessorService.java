package io.sluice.session;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.StreamsSettings;
import io.sluice.runtime.service.Readiness;
import io.sluice.runtime.service.Service;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.ServiceSchemaRegistry;
import io.sluice.schemas.topics.Topics;
import io.sluice.session.domain.hash.Sha256Midstates;
import io.sluice.session.topology.SessionProcessorSettings;
import io.sluice.session.topology.SessionProcessorTopology;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The session processor: its Streams app, ready while RUNNING. */
public final class SessionProcessorService implements Service {

    private static final Logger log = LoggerFactory.getLogger(SessionProcessorService.class);

    private final KafkaStreams streams;

    public SessionProcessorService(SluiceConfig config) {
        this(config, ServiceSchemaRegistry.of(SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)),
                config.getBoolean(Setting.SCHEMA_AUTO_REGISTER)), new Properties());
    }

    /** @param overrides Streams properties that win over the defaults (tests: standby replicas, ids) */
    public SessionProcessorService(SluiceConfig config, SchemaRegistry registry, Properties overrides) {
        Properties properties = StreamsSettings.exactlyOnce(config, SessionProcessorTopology.APPLICATION_ID,
                Topics.PRODUCER_MAX_REQUEST_BYTES);
        properties.putAll(SessionProcessorTopology.streamsProperties(registry));
        properties.putAll(overrides);
        SessionProcessorSettings settings = SessionProcessorSettings.from(config);
        if (settings.knownTenants().isEmpty()) {
            log.warn("{} names no tenant: requests of every tenant are processed; set it to the ingest API's "
                    + "value so that direct producers' events for unknown tenants go to {}",
                    Setting.AUTH_TOKENS.env(), Topics.DEAD_LETTERS.name());
        }
        log.info("Rolling SHA-256: {}", Sha256Midstates.implementation());
        this.streams = new KafkaStreams(SessionProcessorTopology.buildTopology(settings, registry), properties);
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

    /** The Streams app, for read-only interactive queries of its stores (SessionStoreRoute). */
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        StreamsSettings.close(streams);
    }
}
