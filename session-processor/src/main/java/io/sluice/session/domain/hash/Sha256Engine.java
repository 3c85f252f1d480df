package io.sluice.session.domain.hash;

/** One SHA-256 computation that can be paused as a {@link Sha256Midstate} and resumed from one. */
public interface Sha256Engine {

    void update(byte[] bytes, int offset, int length);

    Sha256Midstate midstate();

    /** The digest of everything so far; this engine can go on afterwards. */
    byte[] peek();
}
