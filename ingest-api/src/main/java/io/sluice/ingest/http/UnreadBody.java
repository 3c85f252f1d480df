package io.sluice.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of a request body when the API answers without having read all of it: a refusal
 * decided on the headers (401, a chunk index out of range, a {@code Content-Length} past the
 * chunk) or on the first bytes past the limit. The JDK server then discards a little of the rest
 * and, if the body goes on, closes the connection after the response — without saying so, so the
 * client pools the connection and its next request fails on it ("no bytes received"). Hence: a
 * short rest is read and discarded (the connection stays usable); a longer one is left unread and
 * the answer says {@code Connection: close}, so the client opens a new connection for its next call.
 */
public final class UnreadBody {

    /** As much as the JDK server itself would discard (its default {@code sun.net.httpserver.drainAmount}). */
    static final int DISCARD_LIMIT = 64 * 1024;

    private UnreadBody() {}

    /** Discards a short rest of the body, or marks the response as the connection's last. Call before answering. */
    public static void discardOrClose(HttpExchange exchange) {
        boolean ended = declaredLength(exchange) <= DISCARD_LIMIT && discard(exchange.getRequestBody(), DISCARD_LIMIT);
        if (!ended) exchange.getResponseHeaders().set("Connection", "close");
    }

    /** Whether the stream ended within {@code limit} more bytes; a stream that fails to read has not. */
    static boolean discard(InputStream body, int limit) {
        byte[] buffer = new byte[8192];
        long left = limit;
        try {
            while (left >= 0) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, left + 1));
                if (read < 0) return true;
                left -= read;
            }
            return false;
        } catch (IOException e) { // a client that went away or broke the chunked encoding: the connection is done
            return false;
        }
    }

    /** The {@code Content-Length}, or -1 when there is none (chunked) or it is not a number. */
    private static long declaredLength(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Content-Length");
        if (header == null) return -1;
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
