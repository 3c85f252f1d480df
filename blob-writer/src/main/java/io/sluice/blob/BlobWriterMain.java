package io.sluice.blob;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the blob writer. */
public final class BlobWriterMain {

    private BlobWriterMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.BLOB_WRITER, BlobWriterMain::create);
    }

    /** The service as {@code main} runs it (tests start it the same way). */
    public static BlobWriterService create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) {
        return new BlobWriterService(config, metrics);
    }
}
