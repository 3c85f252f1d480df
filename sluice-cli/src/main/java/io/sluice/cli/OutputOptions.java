package io.sluice.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where a command writes: results on standard output, progress and messages on standard error. */
final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--no-progress", description = "No progress display, even on a terminal.")
    boolean noProgress;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Whether standard output and error go to a terminal. On JDK 22+ {@code System.console()} exists for
     * redirected streams too, and {@code Console.isTerminal()} (absent from JDK 21, the oldest this runs on) tells.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }

    /** A progress display: redrawn in place on a terminal, plain lines otherwise, nothing with {@code --no-progress}. */
    Progress progress(String label) {
        return new Progress(err(), !noProgress, isTerminal(), label);
    }
}
