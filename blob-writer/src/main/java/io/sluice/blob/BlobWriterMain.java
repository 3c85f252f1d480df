package io.sluice.blob;

import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the blob writer. */
public final class BlobWriterMain {

    private BlobWriterMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.BLOB_WRITER, (config, metrics, endpoints) -> new BlobWriterService(config, metrics));
    }
}
