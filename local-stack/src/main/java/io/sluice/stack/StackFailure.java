package io.sluice.stack;

/** A component could not be started or stopped; the message says which, why and where to look. */
public final class StackFailure extends RuntimeException {

    public StackFailure(String message) {
        super(message);
    }
}
