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
 * </ul>
 */
public record StackEnvironment(Path projectRoot, Path home, PortPlan ports) {

    public static final String ROOT_PROPERTY = "sluice.project.root";
    public static final String HOME_ENV = "SLUICE_STACK_HOME";
    public static final String PORT_OFFSET_ENV = "SLUICE_STACK_PORT_OFFSET";

    public static StackEnvironment current() {
        return from(System.getenv(), System.getProperties());
    }

    public static StackEnvironment from(Map<String, String> env, Properties systemProperties) {
        Path root = Path.of(systemProperties.getProperty(ROOT_PROPERTY, "")).toAbsolutePath().normalize();
        String homeValue = env.getOrDefault(HOME_ENV, "");
        Path home = homeValue.isBlank() ? root.resolve(".sluice") : Path.of(homeValue).toAbsolutePath().normalize();
        return new StackEnvironment(root, home, PortPlan.withOffset(parseOffset(env.getOrDefault(PORT_OFFSET_ENV, ""))));
    }

    private static int parseOffset(String value) {
        if (value.isBlank()) return 0;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT_OFFSET_ENV + " must be an integer, not '" + value + "'", e);
        }
    }
}
