package io.sluice.session.domain;

import io.sluice.session.domain.hash.Sha256Engine;
import io.sluice.session.domain.hash.Sha256Midstate;
import io.sluice.session.domain.hash.Sha256Midstates;

/**
 * The whole file's SHA-256, advanced chunk by chunk and persisted between chunks as its midstate
 * ({@link Sha256Midstate}), so a restarted processor resumes mid-file without re-reading any byte.
 */
public final class RollingSha256 {

    private final Sha256Engine hash;

    private RollingSha256(Sha256Engine hash) {
        this.hash = hash;
    }

    public static RollingSha256 start() {
        return resume(Sha256Midstate.initial().encode());
    }

    public static RollingSha256 resume(byte[] encodedState) {
        return new RollingSha256(Sha256Midstates.resume(Sha256Midstate.decode(encodedState)));
    }

    public void update(byte[] bytes, int offset, int length) {
        hash.update(bytes, offset, length);
    }

    public byte[] encodedState() {
        return hash.midstate().encode();
    }

    /** The digest of everything so far, leaving this hash able to continue. */
    public byte[] peek() {
        return hash.peek();
    }
}
