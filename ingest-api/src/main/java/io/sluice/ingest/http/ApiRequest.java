package io.sluice.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.sluice.runtime.auth.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One authenticated API request: the exchange, the caller (a tenant, or an operator on the routes
 * that admit one) and the path's variables.
 */
public final class ApiRequest {

    /** JSON request bodies (create, finish) are small; anything longer is refused unread. */
    public static final int MAX_JSON_BODY_BYTES = 64 * 1024;

    private final HttpExchange exchange;
    private final Caller caller;
    private final Map<String, String> pathVariables;

    public ApiRequest(HttpExchange exchange, Caller caller, Map<String, String> pathVariables) {
        this.exchange = exchange;
        this.caller = caller;
        this.pathVariables = Map.copyOf(pathVariables);
    }

    public HttpExchange exchange() {
        return exchange;
    }

    /** The caller's tenant: on tenant routes the router admits no one else. */
    public String tenant() {
        if (caller instanceof Caller.Tenant tenant) return tenant.name();
        throw new IllegalStateException("not a tenant's request: " + caller.getClass().getSimpleName());
    }

    /** Whose figures the caller may read: its own tenant's, or (empty) every tenant's for an operator. */
    public Optional<String> figuresScope() {
        return switch (caller) {
            case Caller.Tenant tenant -> Optional.of(tenant.name());
            case Caller.Operator operator -> Optional.empty();
            case Caller.Anonymous anonymous -> throw new IllegalStateException("an anonymous caller reads no figures");
        };
    }

    public String path() {
        return exchange.getRequestURI().getRawPath();
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) throw new IllegalArgumentException("no path variable " + name);
        return value;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    /** The first value of a query parameter, decoded. */
    public Optional<String> query(String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) return Optional.empty();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return Optional.empty();
    }

    public InputStream body() {
        return exchange.getRequestBody();
    }

    /** The body as one JSON object, read to at most {@link #MAX_JSON_BODY_BYTES}. */
    public ObjectNode jsonBody() throws IOException {
        byte[] body = body().readNBytes(MAX_JSON_BODY_BYTES + 1);
        if (body.length > MAX_JSON_BODY_BYTES) {
            throw new ApiException(ProblemCode.INVALID_REQUEST,
                    "the body is longer than " + MAX_JSON_BODY_BYTES + " bytes");
        }
        return Json.parseObject(body);
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the query string is not valid percent-encoding");
        }
    }
}
