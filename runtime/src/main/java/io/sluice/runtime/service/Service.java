package io.sluice.runtime.service;

/**
 * A Sluice service behind a small lifecycle: started once, stopped once, asked whether it is ready.
 * {@link ServiceLauncher} drives it from {@code main}; tests drive it directly.
 */
public interface Service extends AutoCloseable {

    /** Starts background work and returns; readiness may come later. */
    void start() throws Exception;

    /** Whether the service can do its job now (e.g. its Kafka Streams app is RUNNING). */
    Readiness readiness();

    /** Stops and releases everything; safe to call more than once. */
    @Override
    void close();
}
