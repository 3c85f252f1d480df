package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the figures were measured: they mean little without it. */
record MachineInfo(int cores, long memoryMebibytes, String cpu, String jdk, String os) {

    static MachineInfo current() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memTotalMebibytes(),
                procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** {@code MemTotal} of {@code /proc/meminfo}; 0 where there is none. */
    private static long memTotalMebibytes() {
        return procField("/proc/meminfo", "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) / 1024)
                .orElse(0L);
    }

    private static Optional<String> procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
