package io.sluice.session.domain;

/**
 * {@code OPEN → FINISHING → FINISHED}, or {@code → FAILED} (checksum or size mismatch),
 * {@code → ABORTED} (client), {@code → EXPIRED} (idle past the time-to-live). Terminal states are final.
 */
public enum UploadState {
    /** Accepting chunks. */
    OPEN,
    /** Finish accepted and the hash verified; waiting for stored chunks, then for the asset. */
    FINISHING,
    FINISHED,
    FAILED,
    ABORTED,
    EXPIRED;

    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == ABORTED || this == EXPIRED;
    }
}
