package io.sluice.session;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;
import io.sluice.session.admin.SessionStoreRoute;

/** Runs the session processor. */
public final class SessionProcessorMain {

    private SessionProcessorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.SESSION_PROCESSOR, SessionProcessorMain::create);
    }

    /** The service as {@code main} runs it (tests start it the same way). */
    public static SessionProcessorService create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) {
        SessionProcessorService service = new SessionProcessorService(config);
        new KafkaStreamsMetrics(service.streams()).bindTo(metrics.registry());
        SessionStoreRoute.mount(endpoints, Callers.from(config), service::streams);
        return service;
    }
}
