package io.sluice.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import io.sluice.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of a request body when the API answers without having read all of it: a refusal
 * decided on the headers (401, a chunk index out of range, an upload that has ended) or on the first
 * bytes past the limit. Answered at once, the client may still be sending: the server then closes a
 * connection with unread bytes, the kernel resets it, and a client that reads its answer only after
 * sending (the JDK's, most HTTP/1.1 clients) sees "connection reset" instead of the refusal — seen
 * with a tus PATCH of 1 MiB to a terminated upload. Hence: a rest up to the largest chunk a client may
 * send is read and discarded before the answer (8 KiB at a time; the connection stays usable); a
 * longer one is left unread and the answer says {@code Connection: close}.
 */
public final class UnreadBody {

    /** The largest request body a refusal still reads to its end: a chunk of the largest size, and its framing. */
    static final int DISCARD_LIMIT = Topics.MAX_CHUNK_BYTES + 64 * 1024;

    private UnreadBody() {}

    /** Discards the rest of the body up to {@link #DISCARD_LIMIT}, or marks the response as the connection's last. Call before answering. */
    public static void discardOrClose(HttpExchange exchange) {
        // Up to the limit whatever length the body declares: stopping sooner leaves the client writing into a reset.
        boolean ended = discard(exchange.getRequestBody(), DISCARD_LIMIT);
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
}
