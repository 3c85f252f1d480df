package io.sluice.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code ./sluice}'s stack commands. The script hands {@code bench} to the
 * benchmark module and the client's commands to sluice-cli; the usage text lists them all.
 */
public record CliArguments(Command command, boolean detach, boolean follow, int lines, List<String> components) {

    public static final int DEFAULT_LOG_LINES = 100;

    public enum Command { UP, DOWN, STATUS, RESTART, KILL, RESET, LOGS, REPLAY, HELP }

    public static final String USAGE = """
            Usage: ./sluice <command>
              up [--detach] [component...]   start the stack (or the named components, with the
                                             infrastructure a service needs); without --detach it
                                             stays in the foreground and Ctrl-C stops everything
              down [component...]            stop everything (or the named components), services first
              status                         each component's pid, port and readiness
              restart <component...>         stop, start and await readiness
              kill <component...>            SIGKILL, like a crash
              logs [-f] [-n N] <component>   the last N (100) lines of its log; -f follows it
              reset                          down, then delete what the stack wrote under its home
              replay <service>               wipe a service's state and rebuild it from the topics,
                                             reporting progress (README, Recovery)
              bench [--smoke] [--out FILE]   measure throughput, latency and memory against the
                                             stack (started if not all ready) beside direct S3
                                             PUTs; writes target/bench/results.json (or FILE);
                                             --smoke: every step scaled down to seconds
              bench --scale [--smoke] [--out FILE]
                                             the read side at scale: fill the status and index
                                             topics (10 million entries), restart the API, measure
                                             its heap, start-up and reads; target/bench/scale.json
              build                          build every module (./mvnw package -DskipTests)
            The client (./sluice upload --help for its options; the local stack's token by default):
              upload FILE...                 upload files; an interrupted upload resumes when run again
              download ASSET [FILE]          download an asset, resumable and verified
              ls                             your assets, newest first
              status UPLOAD                  where an upload stands
            Components: kafka, registry, s3, ingest-api, session-processor, blob-writer, index-projector
            Environment: SLUICE_STACK_HOME (state directory, default .sluice),
                         SLUICE_STACK_PORT_OFFSET (added to every port, default 0),
                         SLUICE_NO_BUILD=1 (fail instead of building what is missing),
                         SLUICE_STACK_SESSION_PROCESSORS=2 (a second session processor),
                         SLUICE_STACK_SERVICE_JAVA_OPTS (extra JVM flags for the services)""";

    public static CliArguments parse(String... args) {
        if (args.length == 0) return help();
        Command command = command(args[0]);
        boolean detach = false;
        boolean follow = false;
        int lines = DEFAULT_LOG_LINES;
        List<String> components = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (command == Command.UP && (arg.equals("--detach") || arg.equals("-d"))) {
                detach = true;
            } else if (command == Command.LOGS && (arg.equals("-f") || arg.equals("--follow"))) {
                follow = true;
            } else if (command == Command.LOGS && (arg.equals("-n") || arg.equals("--lines"))) {
                if (++i >= args.length) throw new UsageException(arg + " needs a number of lines");
                lines = positive(args[i]);
            } else if (arg.startsWith("-")) {
                throw new UsageException("Unknown option '" + arg + "' for " + args[0]);
            } else {
                components.add(arg);
            }
        }
        switch (command) {
            case RESTART, KILL -> {
                if (components.isEmpty()) throw new UsageException(args[0] + " needs a component");
            }
            case LOGS -> {
                if (components.size() != 1) throw new UsageException("logs needs exactly one component");
            }
            case REPLAY -> {
                if (components.size() != 1) throw new UsageException("replay needs exactly one service");
            }
            case STATUS, RESET, HELP -> {
                if (!components.isEmpty()) throw new UsageException(args[0] + " takes no component");
            }
            case UP, DOWN -> { }
        }
        return new CliArguments(command, detach, follow, lines, List.copyOf(components));
    }

    private static CliArguments help() {
        return new CliArguments(Command.HELP, false, false, DEFAULT_LOG_LINES, List.of());
    }

    private static Command command(String word) {
        return switch (word) {
            case "up" -> Command.UP;
            case "down" -> Command.DOWN;
            case "status" -> Command.STATUS;
            case "restart" -> Command.RESTART;
            case "kill" -> Command.KILL;
            case "reset" -> Command.RESET;
            case "logs" -> Command.LOGS;
            case "replay" -> Command.REPLAY;
            case "help", "-h", "--help" -> Command.HELP;
            default -> throw new UsageException("Unknown command '" + word + "'");
        };
    }

    private static int positive(String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("Not a number of lines: '" + value + "'");
        }
        throw new UsageException("Not a positive number of lines: '" + value + "'");
    }

    /** The command line is wrong; the usage text follows the message. */
    public static final class UsageException extends IllegalArgumentException {
        public UsageException(String message) {
            super(message);
        }
    }
}
