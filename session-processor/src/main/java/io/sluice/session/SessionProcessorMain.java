package io.sluice.session;

import io.sluice.runtime.service.DependencyBoundService;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the session processor. Its Streams topology arrives with the pipeline issue; for now it serves health and metrics once Kafka and the registry answer. */
public final class SessionProcessorMain {

    private SessionProcessorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.SESSION_PROCESSOR,
                (config, metrics, endpoints) -> new DependencyBoundService(config, ServiceId.SESSION_PROCESSOR, false));
    }
}
