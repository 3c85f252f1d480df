package io.sluice.stack;

import java.nio.file.Path;
import java.util.List;

/** The {@code java} every stack process runs with: the one running this CLI. */
public record JavaRuntime(Path executable, int featureVersion) {

    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
    }

    /**
     * A class-data-sharing archive per component, written when the JVM exits and used from the
     * next start on; the JVM recreates it when the JDK or the classpath changed (a rebuild).
     * Measured with the whole stack on two cores: {@code up} in about 6 s instead of 10; the first
     * {@code down} takes about 6 s longer, writing the archives. The archive's
     * messages are silenced: one per start about module handling (JDK 24+ with native access
     * enabled), a page of skipped classes per dump.
     */
    public List<String> classDataSharingFlags(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Xlog:cds*=off");
    }

    /**
     * On JDK 24 and later, RocksDB and the compression codecs load native code and kafka-clients
     * uses {@code sun.misc.Unsafe}; both print warnings unless allowed. JDK 21 rejects the second
     * flag, so it is added only where it exists.
     */
    public List<String> accessFlags() {
        return featureVersion >= 24
                ? List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
                : List.of();
    }
}
