package io.sluice.ingest.tus;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ApiRouter;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.http.Responses;
import io.sluice.ingest.http.UnreadBody;
import java.io.IOException;

/**
 * The tus 1.0 endpoint at {@code /v1/tus/} (behind {@link io.sluice.ingest.http.Cors}, which answers
 * browsers' preflights). Every answer carries {@code Tus-Resumable}. {@code OPTIONS} is answered here,
 * without a token: tus discovery ("the Server MUST … include the Tus-Version header", {@code Tus-Extension},
 * {@code Tus-Max-Size}, {@code Tus-Checksum-Algorithm}) tells nothing about any tenant. Every other
 * request must say {@code Tus-Resumable: 1.0.0} ("the Server MUST … respond with 412 Precondition
 * Failed" otherwise) and then goes through the API's router — a tenant's token, the same problem
 * documents, the same metrics — to the tus routes.
 */
public final class TusRouter implements HttpHandler {

    private final ApiRouter routes;
    private final long maxSize;

    public TusRouter(ApiRouter routes, long maxSize) {
        this.routes = routes;
        this.maxSize = maxSize;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Headers response = exchange.getResponseHeaders();
        response.set(TusProtocol.TUS_RESUMABLE, TusProtocol.VERSION);
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            try (exchange) {
                response.set(TusProtocol.TUS_VERSION, TusProtocol.VERSION);
                response.set(TusProtocol.TUS_EXTENSION, String.join(",", TusProtocol.EXTENSIONS));
                response.set(TusProtocol.TUS_MAX_SIZE, Long.toString(maxSize));
                response.set(TusProtocol.TUS_CHECKSUM_ALGORITHM, String.join(",", TusProtocol.CHECKSUM_ALGORITHMS));
                exchange.sendResponseHeaders(204, -1);
            }
            return;
        }
        if (!TusProtocol.VERSION.equals(exchange.getRequestHeaders().getFirst(TusProtocol.TUS_RESUMABLE))) {
            try (exchange) {
                response.set(TusProtocol.TUS_VERSION, TusProtocol.VERSION);
                UnreadBody.discardOrClose(exchange);
                Responses.problem(exchange, new ApiException(ProblemCode.UNSUPPORTED_TUS_VERSION,
                        "send Tus-Resumable: " + TusProtocol.VERSION));
            }
            return;
        }
        routes.handle(exchange);
    }
}
