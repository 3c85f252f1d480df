package io.sluice.ingest.http;

/** One call of the API: a method, a path shape and its handler. */
public record Route(String method, PathTemplate path, RouteHandler handler) {

    public static Route of(String method, String path, RouteHandler handler) {
        return new Route(method, PathTemplate.of(path), handler);
    }
}
