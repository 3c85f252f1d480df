package io.sluice.ingest.stats;

import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.Route;
import java.util.List;

/**
 * The dashboard figure routes ({@code /v1/stats/...}): a tenant's token reads its own figures, an
 * operator's token every tenant's.
 */
public final class FigureRoutes {

    private FigureRoutes() {}

    public static List<Route> of(DashboardFigures figures, FigureStreamHandler stream) {
        return List.of(
                Route.figures("GET", "/v1/stats/uploads", request ->
                        Responses.json(request.exchange(), 200, figures.uploads(request.figuresScope()))),
                Route.figures("GET", "/v1/stats/throughput", request -> Responses.json(request.exchange(), 200,
                        figures.throughput(request.figuresScope(), FigureQuery.minutes(request)))),
                Route.figures("GET", "/v1/stats/recent", request -> Responses.json(request.exchange(), 200,
                        figures.recent(request.figuresScope(), FigureQuery.limit(request)))),
                Route.figures("GET", "/v1/stats/failures", request -> Responses.json(request.exchange(), 200,
                        figures.failures(request.figuresScope(), FigureQuery.minutes(request)))),
                Route.figures("GET", "/v1/stats/stream", stream));
    }
}
