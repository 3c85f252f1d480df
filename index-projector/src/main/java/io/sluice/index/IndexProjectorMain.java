package io.sluice.index;

import io.sluice.index.http.AssetRoutes;
import io.sluice.projections.AssetIndexView;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceLauncher;

/** Runs the index projector. */
public final class IndexProjectorMain {

    private IndexProjectorMain() {}

    public static void main(String[] args) {
        ServiceLauncher.run(ServiceId.INDEX_PROJECTOR, IndexProjectorMain::create);
    }

    /** The service with its read routes and gauges mounted: what main runs. */
    public static IndexProjectorService create(SluiceConfig config, Metrics metrics, HttpEndpoints endpoints) {
        return mount(new IndexProjectorService(config), metrics, endpoints);
    }

    /** Mounts the service's read routes and gauges; call before the endpoints start. */
    public static IndexProjectorService mount(IndexProjectorService service, Metrics metrics, HttpEndpoints endpoints) {
        AssetRoutes.mount(endpoints, service::assets);
        metrics.gauge("asset_index_entries", "Assets in this instance's view of the index.", () -> {
            AssetIndexView assets = service.assets();
            return assets == null ? 0 : assets.size();
        });
        return service;
    }
}
