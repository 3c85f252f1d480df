package io.sluice.blob.consume;

import io.sluice.events.DeadLetterReason;

/**
 * The record can never be processed, however often it is tried (an id that cannot name an object,
 * a chunk object that is gone): it goes to the dead-letter topic and its partition moves on. Every
 * other exception from a {@link RecordProcessor} means "try again later".
 */
public final class UnprocessableRecordException extends Exception {

    private final DeadLetterReason reason;

    public UnprocessableRecordException(DeadLetterReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public UnprocessableRecordException(DeadLetterReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
