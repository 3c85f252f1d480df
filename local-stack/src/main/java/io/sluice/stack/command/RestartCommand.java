package io.sluice.stack.command;

import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import java.io.IOException;
import java.util.List;

/** {@code restart <component...>}: a graceful stop, a start, and a wait until each is ready again. */
public final class RestartCommand {

    private final Stack stack;

    public RestartCommand(Stack stack) {
        this.stack = stack;
    }

    public int run(List<String> names) throws IOException, InterruptedException {
        List<Component> components = stack.resolve(names);
        stack.stop(components);
        stack.startAndAwait(components);
        return 0;
    }
}
