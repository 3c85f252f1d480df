package io.sluice.stack.command;

import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import java.io.IOException;
import java.util.List;

/** {@code kill <component...>}: SIGKILL, no shutdown hooks, as a crash or an OOM kill would. */
public final class KillCommand {

    private final Stack stack;

    public KillCommand(Stack stack) {
        this.stack = stack;
    }

    public int run(List<String> names) throws IOException, InterruptedException {
        for (Component component : stack.resolve(names)) {
            var process = stack.supervisor().running(component);
            if (stack.supervisor().kill(component)) {
                stack.line(component, "killed (pid " + process.map(ProcessHandle::pid).orElse(-1L) + ")");
            } else {
                stack.line(component, "not running");
            }
        }
        return 0;
    }
}
