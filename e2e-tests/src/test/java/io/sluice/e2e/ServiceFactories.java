package io.sluice.e2e;

import io.sluice.blob.BlobWriterMain;
import io.sluice.index.IndexProjectorMain;
import io.sluice.ingest.IngestApiService;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher.ServiceFactory;
import io.sluice.session.SessionProcessorMain;

/** Each service's factory, exactly as its {@code main} uses it. */
final class ServiceFactories {

    private ServiceFactories() {}

    static ServiceFactory of(ServiceId id) {
        return switch (id) {
            case INGEST_API -> IngestApiService::create;
            case SESSION_PROCESSOR -> SessionProcessorMain::create;
            case BLOB_WRITER -> BlobWriterMain::create;
            case INDEX_PROJECTOR -> IndexProjectorMain::create;
        };
    }
}
