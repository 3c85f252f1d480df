package io.sluice.index;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/**
 * Runs the index projector. Its port serves health and metrics only: the index is read through the
 * ingest API, the one place tenant data is served, behind a tenant's token.
 */
public final class IndexProjectorMain {

    private IndexProjectorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.INDEX_PROJECTOR, IndexProjectorMain::create);
    }

    /** The service as {@code main} runs it (tests start it the same way). */
    public static IndexProjectorService create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) {
        IndexProjectorService service = new IndexProjectorService(config, new UploadOutcomeMeters(metrics));
        new KafkaStreamsMetrics(service.streams()).bindTo(metrics.registry());
        return service;
    }
}
