package io.sluice.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sluice.ingest.kafka.PublishFailedException;
import io.sluice.runtime.auth.Caller;
import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.http.Metrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's one HTTP handler: authenticates the caller, finds the route, runs it, and turns what
 * it throws into a problem document. A refusal ({@link ApiException}) is answered as it says;
 * Kafka not acknowledging is a 503 the client may retry; anything else is logged here with its
 * stack trace and answered with a bare 500, so no internals leave the process. Every request is
 * counted and timed by method, route (the template, never the raw path) and status
 * ({@code sluice_http_server_requests_seconds}).
 */
public final class ApiRouter implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiRouter.class);

    private final Callers callers;
    private final List<Route> routes;
    private final MeterRegistry meters;

    public ApiRouter(Callers callers, List<Route> routes) {
        this(callers, routes, new SimpleMeterRegistry());
    }

    public ApiRouter(Callers callers, List<Route> routes, MeterRegistry meters) {
        this.callers = callers;
        this.routes = List.copyOf(routes);
        this.meters = meters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String[] matched = {"unmatched"};
        try (exchange) {
            try {
                route(exchange, matched);
            } catch (ApiException refusal) {
                answer(exchange, refusal);
            } catch (PublishFailedException e) {
                log.warn("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.getMessage());
                answer(exchange, new ApiException(ProblemCode.SERVICE_UNAVAILABLE,
                        "the request could not be recorded; nothing was changed, try again")
                        .header("Retry-After", "1"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(exchange, new ApiException(ProblemCode.SERVICE_UNAVAILABLE, "the service is stopping"));
            } catch (Exception e) {
                log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
                answer(exchange, new ApiException(ProblemCode.INTERNAL_ERROR, "the request could not be served"));
            }
        } finally {
            Metrics.latency("http_server_requests", "API requests by method, route and status.")
                    .tags("method", exchange.getRequestMethod(), "route", matched[0],
                            "status", Integer.toString(exchange.getResponseCode()))
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void route(HttpExchange exchange, String[] matched) throws Exception {
        Caller caller = callers.identify(exchange.getRequestHeaders().getFirst("Authorization"));
        if (caller instanceof Caller.Anonymous) admit(caller, Route.Access.TENANT); // no route is shown without a token
        String path = exchange.getRequestURI().getRawPath();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.path().match(path);
            if (variables.isEmpty()) continue;
            if (route.method().equals(exchange.getRequestMethod())) {
                matched[0] = route.path().toString();
                admit(caller, route.access());
                route.handler().handle(new ApiRequest(exchange, caller, variables.get()));
                return;
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) throw new ApiException(ProblemCode.NOT_FOUND, "no such resource");
        throw new ApiException(ProblemCode.METHOD_NOT_ALLOWED, exchange.getRequestMethod() + " is not allowed here")
                .header("Allow", String.join(", ", new ArrayList<>(allowed)));
    }

    /**
     * Upload and asset routes serve one tenant's data, so only a tenant's token opens them: an
     * operator token is refused like an unknown one (it reads figures and admin routes, never data).
     * Figure routes admit both: a tenant sees its own figures, an operator every tenant's.
     */
    private static void admit(Caller caller, Route.Access access) {
        switch (caller) {
            case Caller.Tenant tenant -> { }
            case Caller.Operator operator -> {
                if (access == Route.Access.TENANT) {
                    throw new ApiException(ProblemCode.UNAUTHORIZED,
                            "an operator token is not accepted on upload and asset routes; use a tenant's token")
                            .header("WWW-Authenticate", "Bearer");
                }
            }
            case Caller.Anonymous anonymous -> throw new ApiException(ProblemCode.UNAUTHORIZED,
                    "send Authorization: Bearer <token> with a token this service knows")
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    /**
     * Answers with the problem unless the response has begun (then the client sees a cut-off body).
     * A refusal may leave the request body unread: see {@link UnreadBody}.
     */
    private void answer(HttpExchange exchange, ApiException problem) throws IOException {
        Counter.builder("sluice_api_problems").description("Requests refused, by problem code.")
                .tag("code", problem.code().code()).register(meters).increment();
        if (exchange.getResponseCode() > 0) { // not sent yet: -1 on the JDK's server, 0 on Jetty's
            log.warn("{} {}: {} after the response began", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), problem.code().code());
            return;
        }
        UnreadBody.discardOrClose(exchange);
        Responses.problem(exchange, problem);
    }
}
