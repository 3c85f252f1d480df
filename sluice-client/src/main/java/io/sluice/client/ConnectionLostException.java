package io.sluice.client;

import java.io.IOException;

/**
 * No answer came from the API, even after the client sent the call again: the server is down or
 * unreachable, or the connection keeps breaking. What was sent before stays; an upload resumes.
 */
public final class ConnectionLostException extends RuntimeException {

    public ConnectionLostException(String what, IOException cause) {
        super(what + ": no answer (" + cause.getMessage() + ")", cause);
    }
}
