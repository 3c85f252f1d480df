package io.sluice.session.domain;

import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The whole file's SHA-256, advanced chunk by chunk and persisted between chunks as its midstate.
 * {@code java.security.MessageDigest} cannot be serialized; Bouncy Castle's {@link SHA256Digest}
 * exports its state ({@code getEncodedState}) and is rebuilt from it, so a restarted processor
 * resumes mid-file without re-reading any byte.
 */
public final class RollingSha256 {

    private final SHA256Digest digest;

    private RollingSha256(SHA256Digest digest) {
        this.digest = digest;
    }

    public static RollingSha256 start() {
        return new RollingSha256(new SHA256Digest());
    }

    public static RollingSha256 resume(byte[] encodedState) {
        return new RollingSha256(new SHA256Digest(encodedState));
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    public byte[] encodedState() {
        return digest.getEncodedState();
    }

    /** The digest of everything so far, leaving this hash able to continue. */
    public byte[] peek() {
        SHA256Digest copy = new SHA256Digest(digest);
        byte[] out = new byte[Sha256.LENGTH];
        copy.doFinal(out, 0);
        return out;
    }
}
