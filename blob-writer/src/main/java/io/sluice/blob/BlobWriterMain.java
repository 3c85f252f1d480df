package io.sluice.blob;

import io.sluice.runtime.service.DependencyBoundService;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the blob writer. Chunk storage arrives with the pipeline issue; for now it serves health and metrics once Kafka, the registry and the bucket answer. */
public final class BlobWriterMain {

    private BlobWriterMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.BLOB_WRITER,
                (config, metrics, endpoints) -> new DependencyBoundService(config, ServiceId.BLOB_WRITER, true));
    }
}
