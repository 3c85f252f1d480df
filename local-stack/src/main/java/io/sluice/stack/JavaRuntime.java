package io.sluice.stack;

import java.nio.file.Path;
import java.util.List;

/** The {@code java} every stack process runs with: the one running this CLI. */
public record JavaRuntime(Path executable, int featureVersion) {

    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version().feature());
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
