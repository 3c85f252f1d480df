package io.sluice.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code sluice upload | download | ls | status}: the command-line client of a Sluice API. Exit
 * codes are {@link ExitCode}'s, listed by {@code --help}.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, version = "sluice client 0.1.0",
        description = "Upload files to Sluice and read them back.",
        subcommands = {UploadCommand.class, DownloadCommand.class, ListCommand.class, StatusCommand.class},
        exitCodeListHeading = "%nExit codes:%n")
public final class SluiceClientMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private SluiceClientMain() {}

    public static void main(String[] args) {
        CommandLine commandLine = commandLine();
        PrintWriter err = commandLine.getErr();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Transfers.onInterrupt(err), "interrupted"));
        int status = commandLine.execute(args);
        Transfers.current(null);
        System.exit(status);
    }

    /** Runs one command with its output on {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** The command line with its exit codes for what commands throw. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SluiceClientMain());
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode code : ExitCode.values()) codes.put(Integer.toString(code.code()), code.meaning());
        commandLine.getCommandSpec().usageMessage().exitCodeList(codes);
        commandLine.setExitCodeExceptionMapper(failure -> ExitCode.of(failure).code());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("error: " + message(failure));
            line.getErr().println("(" + ExitCode.of(failure).meaning() + ")");
            line.getErr().flush();
            return ExitCode.of(failure).code();
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: upload, download, ls or status");
    }

    private static String message(Throwable failure) {
        if (failure instanceof java.nio.file.FileAlreadyExistsException exists) {
            return exists.getFile() + " exists: pass --force to replace it";
        }
        if (failure instanceof java.nio.file.NoSuchFileException missing) return "no such file: " + missing.getFile();
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }
}
