package io.sluice.ingest.http;

/** One call of the API: a method, a path shape, who may call it, and its handler. */
public record Route(String method, PathTemplate path, Access access, RouteHandler handler) {

    /** Which tokens open a route. */
    public enum Access {
        /** A tenant's token only: the route serves or changes that tenant's uploads and assets. */
        TENANT,
        /** A tenant's token (its own figures) or an operator's (every tenant's): dashboard figures. */
        FIGURES
    }

    /** A route of a tenant's uploads or assets. */
    public static Route of(String method, String path, RouteHandler handler) {
        return new Route(method, PathTemplate.of(path), Access.TENANT, handler);
    }

    /** A route of dashboard figures. */
    public static Route figures(String method, String path, RouteHandler handler) {
        return new Route(method, PathTemplate.of(path), Access.FIGURES, handler);
    }
}
