package io.sluice.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where the stack lives and which ports it uses, from the environment of {@code ./sluice}.
 *
 * <ul>
 *   <li>{@value #ROOT_PROPERTY} (system property, set by {@code ./sluice}): the repository root,
 *       where the built jars are; the current directory if unset.</li>
 *   <li>{@value #HOME_ENV}: the state directory (pid files, logs, data); default
 *       {@code <root>/.sluice}. Relative paths are resolved against the current directory.</li>
 *   <li>{@value #PORT_OFFSET_ENV}: added to every port, so that a second stack (an end-to-end
 *       test, say) runs beside a developer's without clashing; default 0.</li>
 *   <li>{@value #SESSION_PROCESSORS_ENV}: how many session-processor instances the stack runs, 1 or
 *       2; with 2, a second one ({@code session-processor-2}) shares the partitions, and both keep
 *       a standby replica of each task, so that one takes over when the other dies; default 1.</li>
 * </ul>
 */
public record StackEnvironment(Path projectRoot, Path home, PortPlan ports, int sessionProcessors) {

    public static final String ROOT_PROPERTY = "sluice.project.root";
    public static final String HOME_ENV = "SLUICE_STACK_HOME";
    public static final String PORT_OFFSET_ENV = "SLUICE_STACK_PORT_OFFSET";
    public static final String SESSION_PROCESSORS_ENV = "SLUICE_STACK_SESSION_PROCESSORS";
    public static final int MAX_SESSION_PROCESSORS = 2;

    public StackEnvironment {
        if (sessionProcessors < 1 || sessionProcessors > MAX_SESSION_PROCESSORS) {
            throw new IllegalArgumentException(SESSION_PROCESSORS_ENV + " must be 1 or " + MAX_SESSION_PROCESSORS
                    + ", not " + sessionProcessors);
        }
    }

    public StackEnvironment(Path projectRoot, Path home, PortPlan ports) {
        this(projectRoot, home, ports, 1);
    }

    public static StackEnvironment current() {
        return from(System.getenv(), System.getProperties());
    }

    public static StackEnvironment from(Map<String, String> env, Properties systemProperties) {
        Path root = Path.of(systemProperties.getProperty(ROOT_PROPERTY, "")).toAbsolutePath().normalize();
        String homeValue = env.getOrDefault(HOME_ENV, "");
        Path home = homeValue.isBlank() ? root.resolve(".sluice") : Path.of(homeValue).toAbsolutePath().normalize();
        return new StackEnvironment(root, home, PortPlan.withOffset(parseInt(PORT_OFFSET_ENV, env, 0)),
                parseInt(SESSION_PROCESSORS_ENV, env, 1));
    }

    private static int parseInt(String name, Map<String, String> env, int unset) {
        String value = env.getOrDefault(name, "");
        if (value.isBlank()) return unset;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, not '" + value + "'", e);
        }
    }
}
