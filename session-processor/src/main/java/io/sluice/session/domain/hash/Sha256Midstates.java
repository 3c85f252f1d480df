package io.sluice.session.domain.hash;

/**
 * Resumes a SHA-256 from its midstate with the fastest implementation this JVM allows: the JDK's
 * own when {@value JdkSha256Engine#REQUIRED_FLAG} is given, plain Java otherwise. Both read and
 * write the same {@link Sha256Midstate}, so a store written by one is resumed by the other.
 */
public final class Sha256Midstates {

    private Sha256Midstates() {}

    public static Sha256Engine resume(Sha256Midstate from) {
        return JdkSha256Engine.available() ? JdkSha256Engine.resume(from) : new PortableSha256Engine(from);
    }

    /** The portable implementation whatever the JVM allows; for tests comparing the two. */
    static Sha256Engine resumePortable(Sha256Midstate from) {
        return new PortableSha256Engine(from);
    }

    /** Which implementation {@link #resume} uses here, for the service's start-up log. */
    public static String implementation() {
        return JdkSha256Engine.available()
                ? "the JDK's (CPU SHA instructions where present)"
                : "portable Java, about 10x slower: run the JVM with " + JdkSha256Engine.REQUIRED_FLAG;
    }
}
