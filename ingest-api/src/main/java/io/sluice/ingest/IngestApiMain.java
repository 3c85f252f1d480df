package io.sluice.ingest;

import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the ingest API. */
public final class IngestApiMain {

    private IngestApiMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.INGEST_API, IngestApiService::create);
    }
}
