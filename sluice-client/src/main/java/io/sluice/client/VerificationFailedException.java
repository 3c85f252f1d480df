package io.sluice.client;

/**
 * The bytes at the other end are not the file's: an upload whose SHA-256 the server refused (the
 * file changed while it was sent?), or a download whose bytes do not hash to the asset's SHA-256.
 */
public final class VerificationFailedException extends RuntimeException {

    public VerificationFailedException(String message) {
        super(message);
    }
}
