package io.sluice.session;

import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the session processor. */
public final class SessionProcessorMain {

    private SessionProcessorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.SESSION_PROCESSOR, (config, metrics, endpoints) -> new SessionProcessorService(config));
    }
}
