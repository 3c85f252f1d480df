package io.sluice.ingest.stats;

import io.sluice.ingest.http.ApiRequest;
import io.sluice.ingest.validation.JsonFields;

/** The query parameters of the figure routes, checked: {@code minutes} and {@code limit}. */
final class FigureQuery {

    private FigureQuery() {}

    /** {@code minutes}, 1 to {@value DashboardFigures#MAX_MINUTES}, default {@value DashboardFigures#DEFAULT_MINUTES}. */
    static int minutes(ApiRequest request) {
        return bounded(request, "minutes", DashboardFigures.DEFAULT_MINUTES, DashboardFigures.MAX_MINUTES);
    }

    /** {@code limit}, 1 to {@value DashboardFigures#MAX_RECENT}, default {@value DashboardFigures#DEFAULT_RECENT}. */
    static int limit(ApiRequest request) {
        return bounded(request, "limit", DashboardFigures.DEFAULT_RECENT, DashboardFigures.MAX_RECENT);
    }

    private static int bounded(ApiRequest request, String name, int fallback, int max) {
        String value = request.query(name).orElse("");
        if (value.isEmpty()) return fallback;
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= max) return parsed;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw JsonFields.invalid(name, name + " must be an integer from 1 to " + max);
    }
}
