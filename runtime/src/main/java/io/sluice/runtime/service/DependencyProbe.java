package io.sluice.runtime.service;

/** One thing a service needs to reach (Kafka, the registry, the bucket), checked on demand. */
public interface DependencyProbe {

    String name();

    /** Returns normally when the dependency answers; throws with the reason when it does not. */
    void check() throws Exception;
}
