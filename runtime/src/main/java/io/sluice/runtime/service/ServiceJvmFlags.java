package io.sluice.runtime.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Where an operator adds flags of their own for the local stack's services (a profiler, a GC experiment). */
    public static final String EXTRA_FLAGS_ENV = "SLUICE_STACK_SERVICE_JAVA_OPTS";

    private ServiceJvmFlags() {}

    /** The operator's extra flags from {@link #EXTRA_FLAGS_ENV}, split at white space; none if unset. */
    public static List<String> extra(Map<String, String> environment) {
        String value = environment.getOrDefault(EXTRA_FLAGS_ENV, "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

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
