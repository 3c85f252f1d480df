package io.sluice.stack.readiness;

/**
 * Asks a component whether it serves requests yet. A check never throws: a failure is a
 * not-ready result carrying the reason, shown when a deadline runs out.
 */
public interface ReadinessProbe extends AutoCloseable {

    ProbeResult check();

    /** Releases clients the probe holds; probes without any need not override it. */
    @Override
    default void close() {}
}
