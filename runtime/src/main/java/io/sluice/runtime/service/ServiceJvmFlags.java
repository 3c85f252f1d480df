package io.sluice.runtime.service;

import java.util.ArrayList;
import java.util.List;

/**
 * JVM flags every Sluice service runs with, wherever it runs (the local stack, the Dockerfile; the
 * tests' JVMs get {@link #OPENS} through the build).
 */
public final class ServiceJvmFlags {

    /**
     * The session processor resumes the JDK's own SHA-256 from a stored midstate, which reads fields
     * of {@code sun.security.provider}. Without this it falls back to a portable SHA-256, correct but
     * about ten times slower, and says so in its log.
     */
    public static final List<String> OPENS = List.of("--add-opens", "java.base/sun.security.provider=ALL-UNNAMED");

    /**
     * The parallel collector rather than G1. Chunks are arrays of megabytes; at {@code -Xmx256m} G1
     * (1 MiB regions) allocates each as a humongous object that needs contiguous free regions, and
     * ran about 55 full "compaction pauses" per service in one benchmark run. With the parallel
     * collector every figure of the benchmark improved in the same conditions (docs/benchmarks.md).
     */
    public static final List<String> GC = List.of("-XX:+UseParallelGC");

    /** Every flag, in command-line order. */
    public static final List<String> ALL = concat(GC, OPENS);

    private ServiceJvmFlags() {}

    /** The flags as one command-line string. */
    public static String asText(List<String> flags) {
        return String.join(" ", flags);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
