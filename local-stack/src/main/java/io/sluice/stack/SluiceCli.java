package io.sluice.stack;

import io.sluice.stack.command.DownCommand;
import io.sluice.stack.command.KillCommand;
import io.sluice.stack.command.LogsCommand;
import io.sluice.stack.command.ReplayCommand;
import io.sluice.stack.command.ResetCommand;
import io.sluice.stack.command.RestartCommand;
import io.sluice.stack.command.StatusCommand;
import io.sluice.stack.command.UpCommand;
import io.sluice.stack.component.StackContext;
import java.io.PrintStream;

/**
 * The Java side of {@code ./sluice}: the script picks a JDK and builds what is missing, then runs
 * this with the same arguments. Exit codes: 0 done, 1 failed, 2 usage error, 3 ({@code status})
 * not every component ready, 130 interrupted.
 */
public final class SluiceCli {

    private SluiceCli() {}

    public static void main(String[] args) {
        // Before any logger exists: the CLI's own quiet logging, not runtime's service logging.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/sluice/stack/cli-logback.xml");
        }
        int status = run(args, System.out, System.err);
        // Kafka and S3 clients leave non-daemon threads behind; a command is over when it returns.
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments arguments;
        try {
            arguments = CliArguments.parse(args);
        } catch (CliArguments.UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return 2;
        }
        try {
            return execute(arguments, out, err);
        } catch (IllegalArgumentException e) { // an unknown component, a bad SLUICE_STACK_PORT_OFFSET
            err.println("error: " + e.getMessage());
            return 2;
        } catch (StackFailure | StackLayout.BuildOutputMissing e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 130;
        } catch (Exception e) {
            err.println("error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static int execute(CliArguments arguments, PrintStream out, PrintStream err) throws Exception {
        if (arguments.command() == CliArguments.Command.HELP) {
            out.println(CliArguments.USAGE);
            return 0;
        }
        Stack stack = new Stack(StackContext.of(StackEnvironment.current()), out);
        return switch (arguments.command()) {
            case UP -> new UpCommand(stack, err).run(arguments.components(), arguments.detach());
            case DOWN -> new DownCommand(stack).run(arguments.components());
            case STATUS -> new StatusCommand(stack).run();
            case RESTART -> new RestartCommand(stack).run(arguments.components());
            case KILL -> new KillCommand(stack).run(arguments.components());
            case RESET -> new ResetCommand(stack).run();
            case LOGS -> new LogsCommand(stack).run(arguments.components().getFirst(), arguments.lines(), arguments.follow());
            case REPLAY -> new ReplayCommand(stack, err).run(arguments.components().getFirst());
            case HELP -> 0;
        };
    }
}
