package io.sluice.stack.command;

import io.sluice.stack.FileTrees;
import io.sluice.stack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code reset}: stops everything, then deletes what the stack wrote under its home (pid files,
 * logs, Kafka and S3 data, the services' state, generated configuration, class-data-sharing
 * archives, the development token), saying what it deletes. Only those paths: anything else
 * under the home stays.
 */
public final class ResetCommand {

    private final Stack stack;

    public ResetCommand(Stack stack) {
        this.stack = stack;
    }

    public int run() throws IOException, InterruptedException {
        new DownCommand(stack).run(java.util.List.of());
        for (Path path : stack.context().layout().resettablePaths()) {
            if (!Files.exists(path)) continue;
            FileTrees.delete(path);
            stack.out().println("deleted " + path + describe(path));
        }
        return 0;
    }

    private static String describe(Path path) {
        return switch (path.getFileName().toString()) {
            case "run" -> " (pid files)";
            case "logs" -> " (component logs)";
            case "data" -> " (Kafka topics, S3 objects, service state)";
            case "conf" -> " (generated configuration)";
            case "cds" -> " (class-data-sharing archives)";
            case "dev-token" -> " (development token; a new one is made at the next up)";
            case "operator-token" -> " (operator token; a new one is made at the next up)";
            default -> "";
        };
    }
}
