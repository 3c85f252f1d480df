package io.sluice.session.admin;

import com.sun.net.httpserver.HttpExchange;
import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.http.HttpEndpoints;
import io.sluice.runtime.http.OperatorOnly;
import io.sluice.session.topology.SessionStoreContents;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /admin/stores}: the session processor's state stores as this instance holds them, as
 * JSON (sessions with their state, hash frontier, received and stored chunks, SHA-256 midstate and
 * whole stored record in hex; parked chunks and early reports by the SHA-256 of their bytes).
 * Read-only, for operators checking a replay and for the replay test; behind an operator token
 * ({@code SLUICE_OPERATOR_TOKENS}: it shows every tenant's sessions); 503 while the stores are not
 * queryable (starting, rebalancing).
 */
public final class SessionStoreRoute {

    public static final String PATH = "/admin/stores";

    private SessionStoreRoute() {}

    public static void mount(HttpEndpoints endpoints, Callers callers, Supplier<KafkaStreams> streams) {
        endpoints.route(PATH, OperatorOnly.wrap(callers, exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET")) {
                    respond(exchange, 405, "{\"error\":\"GET only\"}");
                    return;
                }
                String body;
                try {
                    body = json(streams.get());
                } catch (InvalidStateStoreException e) {
                    respond(exchange, 503, "{\"error\":" + quoted(String.valueOf(e.getMessage())) + "}");
                    return;
                }
                respond(exchange, 200, body);
            }
        }));
    }

    static String json(KafkaStreams streams) {
        String sessions = SessionStoreContents.sessions(streams).entrySet().stream()
                .map(e -> quoted(e.getKey()) + ":" + session(e.getValue()))
                .collect(Collectors.joining(",\n  ", "{\n  ", "\n }"));
        return "{\"sessions\":" + sessions
                + ",\n\"chunkEntries\":" + strings(SessionStoreContents.chunkEntries(streams))
                + ",\n\"parkedChunks\":" + strings(SessionStoreContents.parkedChunks(streams))
                + ",\n\"earlyReports\":" + strings(SessionStoreContents.earlyReports(streams)) + "}\n";
    }

    private static String session(SessionStoreContents.Session s) {
        return "{\"state\":" + quoted(s.state()) + ",\"hashFrontier\":" + s.hashFrontier()
                + ",\"bytesHashed\":" + s.bytesHashed() + ",\"receivedCount\":" + s.receivedCount()
                + ",\"storedCount\":" + s.storedCount() + ",\"hashState\":" + quoted(s.hashStateHex())
                + ",\"lastActivityMillis\":" + s.lastActivityMillis() + ",\"record\":" + quoted(s.recordHex()) + "}";
    }

    private static String strings(Map<String, String> values) {
        return values.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + quoted(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Keys are upload ids and store keys, values hex and enum names; escaped all the same. */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
