package io.sluice.stack.command;

import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import java.io.IOException;
import java.util.List;

/** {@code down}: stops every component (or the named ones): SIGTERM, then SIGKILL after a deadline. */
public final class DownCommand {

    private final Stack stack;

    public DownCommand(Stack stack) {
        this.stack = stack;
    }

    public int run(List<String> names) throws IOException, InterruptedException {
        List<Component> toStop = names.isEmpty() ? stack.components().all() : stack.resolve(names);
        boolean anyRunning = false;
        for (Component component : toStop) {
            anyRunning |= stack.supervisor().running(component).isPresent();
        }
        if (!anyRunning) {
            stack.out().println(names.isEmpty() ? "Nothing is running." : "None of them is running.");
            return 0;
        }
        long start = System.nanoTime();
        stack.stop(toStop);
        stack.out().printf("Stopped in %.1f s.%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
