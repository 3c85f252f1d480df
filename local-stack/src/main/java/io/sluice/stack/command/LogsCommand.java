package io.sluice.stack.command;

import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import io.sluice.stack.process.LogTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code logs [-f] [-n N] <component>}: the end of its log; {@code -f} hands over to {@code tail -F}. */
public final class LogsCommand {

    private final Stack stack;

    public LogsCommand(Stack stack) {
        this.stack = stack;
    }

    public int run(String name, int lines, boolean follow) throws IOException, InterruptedException {
        Component component = stack.components().byName(name);
        Path log = stack.context().layout().logFile(component.name());
        if (follow) {
            return new ProcessBuilder("tail", "-n", String.valueOf(lines), "-F", log.toString())
                    .inheritIO().start().waitFor();
        }
        if (!Files.exists(log)) {
            stack.out().println("No log yet: " + log);
            return 0;
        }
        LogTail.lastLines(log, lines).forEach(stack.out()::println);
        return 0;
    }
}
