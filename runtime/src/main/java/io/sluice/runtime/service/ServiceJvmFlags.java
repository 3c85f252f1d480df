package io.sluice.runtime.service;

import java.util.List;

/**
 * JVM flags every Sluice service runs with, wherever it runs (the local stack, the Dockerfile,
 * the tests' JVMs): the session processor resumes the JDK's own SHA-256 from a stored midstate,
 * which reads fields of {@code sun.security.provider}. Without them it falls back to a portable
 * SHA-256, correct but about ten times slower, and says so in its log.
 */
public final class ServiceJvmFlags {

    public static final List<String> REQUIRED = List.of("--add-opens", "java.base/sun.security.provider=ALL-UNNAMED");

    private ServiceJvmFlags() {}

    /** The flags as one command-line string. */
    public static String asText() {
        return String.join(" ", REQUIRED);
    }
}
