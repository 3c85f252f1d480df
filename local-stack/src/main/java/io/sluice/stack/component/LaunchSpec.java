package io.sluice.stack.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to run a component's process: its command line, its environment additions, its directory. */
public record LaunchSpec(List<String> command, Map<String, String> environment, Path workingDirectory) {

    public LaunchSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
