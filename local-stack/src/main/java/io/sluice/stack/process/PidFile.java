package io.sluice.stack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code .sluice/run/<component>.pid}: the process id and the process's start time. The start time
 * guards against pid reuse: after a reboot or a crash, another process may carry the same pid.
 */
public record PidFile(long pid, long startEpochMillis) {

    /** The start time is unknown on platforms that do not report it; the pid alone is then trusted. */
    public static final long UNKNOWN_START = -1;

    public static PidFile of(ProcessHandle handle) {
        return new PidFile(handle.pid(), handle.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START));
    }

    public static Optional<PidFile> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        String[] fields = Files.readString(file).trim().split("\\s+");
        try {
            long pid = Long.parseLong(fields[0]);
            long start = fields.length > 1 ? Long.parseLong(fields[1]) : UNKNOWN_START;
            return Optional.of(new PidFile(pid, start));
        } catch (NumberFormatException e) {
            throw new IOException("Unreadable pid file " + file + " (delete it if no such process runs)", e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, pid + " " + startEpochMillis + "\n");
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The live process this file describes, if it still runs. */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessLiveness::isRunning).filter(this::sameStart);
    }

    private boolean sameStart(ProcessHandle handle) {
        if (startEpochMillis == UNKNOWN_START) return true;
        return handle.info().startInstant().map(Instant::toEpochMilli).map(start -> start == startEpochMillis).orElse(true);
    }
}
