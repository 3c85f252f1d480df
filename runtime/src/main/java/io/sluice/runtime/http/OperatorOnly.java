package io.sluice.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.runtime.auth.Caller;
import io.sluice.runtime.auth.Callers;
import java.io.IOException;
import java.util.Map;

/**
 * Puts a handler behind an operator token: any other caller — none, a tenant, an unknown token —
 * gets {@code 401} with an RFC 9457 problem ({@code code: unauthorized}) and learns nothing of what
 * the route serves. With no operator token configured the route answers no one.
 */
public final class OperatorOnly implements HttpHandler {

    private final Callers callers;
    private final HttpHandler handler;

    private OperatorOnly(Callers callers, HttpHandler handler) {
        this.callers = callers;
        this.handler = handler;
    }

    public static HttpHandler wrap(Callers callers, HttpHandler handler) {
        return new OperatorOnly(callers, handler);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Caller caller = callers.identify(exchange.getRequestHeaders().getFirst("Authorization"));
        if (caller instanceof Caller.Operator) {
            handler.handle(exchange);
            return;
        }
        try (exchange) {
            refuse(exchange, caller instanceof Caller.Tenant
                    ? "this route needs an operator token; a tenant token is not one"
                    : "send Authorization: Bearer <operator token>");
        }
    }

    private static void refuse(HttpExchange exchange, String detail) throws IOException {
        ProblemResponse.send(exchange, 401, "unauthorized", "Missing or unknown bearer token", detail,
                Map.of("WWW-Authenticate", "Bearer"));
    }
}
