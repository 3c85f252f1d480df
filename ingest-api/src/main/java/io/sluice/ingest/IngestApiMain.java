package io.sluice.ingest;

import io.sluice.runtime.service.DependencyBoundService;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the ingest API. The upload routes arrive with the pipeline issue; for now it serves health and metrics once Kafka and the registry answer. */
public final class IngestApiMain {

    private IngestApiMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.INGEST_API,
                (config, metrics, endpoints) -> new DependencyBoundService(config, ServiceId.INGEST_API, false));
    }
}
