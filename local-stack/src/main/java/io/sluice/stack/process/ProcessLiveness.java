package io.sluice.stack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} also says yes for a zombie, a
 * process that has exited but is not yet reaped by its parent. A detached component's parent is
 * PID 1, and some container inits reap only every second or two (measured here: 1.5 s), which
 * would make every stop look that slow. A zombie holds no port and no memory: it has stopped.
 */
public final class ProcessLiveness {

    private ProcessLiveness() {}

    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !exitedAccordingToProc(process.pid());
    }

    /** Linux only: state Z in /proc/<pid>/stat. Without /proc, {@code isAlive()} has the last word. */
    private static boolean exitedAccordingToProc(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String fields = Files.readString(stat);
            // "pid (command) state …": the command may hold spaces and parentheses, so find the last ')'.
            int commandEnd = fields.lastIndexOf(')');
            return commandEnd > 0 && commandEnd + 2 < fields.length() && fields.charAt(commandEnd + 2) == 'Z';
        } catch (NoSuchFileException gone) {
            return true; // reaped between the two checks
        } catch (IOException noProcFileSystem) {
            return false;
        }
    }
}
