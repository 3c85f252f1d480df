package io.sluice.index;

import io.sluice.runtime.service.DependencyBoundService;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the index projector. The index topology arrives with the pipeline issue; for now it serves health and metrics once Kafka and the registry answer. */
public final class IndexProjectorMain {

    private IndexProjectorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.INDEX_PROJECTOR,
                (config, metrics, endpoints) -> new DependencyBoundService(config, ServiceId.INDEX_PROJECTOR, false));
    }
}
