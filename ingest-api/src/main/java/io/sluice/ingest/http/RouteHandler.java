package io.sluice.ingest.http;

/** Serves one route. Throws {@link ApiException} to refuse; anything else is an infrastructure fault. */
@FunctionalInterface
public interface RouteHandler {
    void handle(ApiRequest request) throws Exception;
}
