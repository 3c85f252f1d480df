package io.sluice.stack.command;

import io.sluice.stack.Stack;
import io.sluice.stack.component.Component;
import io.sluice.stack.readiness.ProbeResult;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status}: one line per component with its pid, port and state: {@code ready},
 * {@code not ready} (running, with the probe's reason) or {@code stopped}. Exits 0 when every
 * component is ready and 3 otherwise, so scripts can wait on it.
 */
public final class StatusCommand {

    public static final int NOT_ALL_READY = 3;

    private final Stack stack;

    public StatusCommand(Stack stack) {
        this.stack = stack;
    }

    public int run() throws IOException {
        Map<Component, Optional<ProbeResult>> results = stack.probeAll();
        stack.out().printf("%-19s %-8s %-6s %s%n", "COMPONENT", "PID", "PORT", "STATE");
        boolean allReady = true;
        for (var entry : results.entrySet()) {
            Component component = entry.getKey();
            Optional<ProcessHandle> process = stack.supervisor().running(component);
            String pid = process.map(p -> String.valueOf(p.pid())).orElse("-");
            String state = entry.getValue()
                    .map(result -> result.ready() ? "ready" : "not ready: " + result.detail())
                    .orElse("stopped");
            allReady &= entry.getValue().map(ProbeResult::ready).orElse(false);
            stack.out().printf("%-19s %-8s %-6d %s%n", component.name(), pid, component.port(), state);
        }
        return allReady ? 0 : NOT_ALL_READY;
    }
}
