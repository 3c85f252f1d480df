package io.sluice.cli;

import java.io.PrintWriter;

/**
 * The transfer under way, for Ctrl-C: the JVM then runs its shutdown hooks and exits with 130; the
 * hook says how far the transfer got and that the same command resumes it (its upload is remembered
 * from the moment it was opened; a download's bytes are kept in its {@code .part} file).
 */
final class Transfers {

    private static volatile Progress current;

    private Transfers() {}

    static void current(Progress progress) {
        current = progress;
    }

    /** Tells, on an interrupted run, where the transfer under way stands. */
    static void onInterrupt(PrintWriter err) {
        Progress progress = current;
        if (progress == null) return;
        err.println();
        err.println("interrupted with " + Bytes.of(progress.done()) + " of " + Bytes.of(progress.total())
                + " done: run the same command again to resume");
        err.flush();
    }
}
