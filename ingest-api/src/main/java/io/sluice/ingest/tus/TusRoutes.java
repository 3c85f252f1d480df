package io.sluice.ingest.tus;

import io.sluice.ingest.assets.AssetLookup;
import io.sluice.ingest.assets.AssetObjects;
import io.sluice.ingest.http.Route;
import io.sluice.ingest.tus.concatenation.TusConcatenation;
import io.sluice.ingest.tus.core.TusHeadHandler;
import io.sluice.ingest.tus.core.TusPatchHandler;
import io.sluice.ingest.tus.core.TusUploads;
import io.sluice.ingest.tus.creation.TusCreateHandler;
import io.sluice.ingest.tus.termination.TusDeleteHandler;
import java.util.List;

/** The tus endpoint's calls (besides {@code OPTIONS}, which {@link TusRouter} answers without a token). */
public final class TusRoutes {

    /** Where the endpoint is; a tus client's {@code endpoint}. */
    public static final String PREFIX = "/v1/tus/";

    private TusRoutes() {}

    public static List<Route> of(TusUploads uploads, AssetLookup assets, AssetObjects objects) {
        return List.of(
                Route.of("POST", PREFIX, new TusCreateHandler(uploads, new TusConcatenation(uploads, assets, objects))),
                Route.of("HEAD", PREFIX + "{uploadId}", new TusHeadHandler(uploads)),
                Route.of("PATCH", PREFIX + "{uploadId}", new TusPatchHandler(uploads)),
                Route.of("DELETE", PREFIX + "{uploadId}", new TusDeleteHandler(uploads)));
    }
}
