package io.sluice.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/** The resolved value of every {@link Setting}; immutable. */
public final class SluiceConfig {

    /** Environment variable naming an optional properties file. */
    public static final String CONFIG_FILE_ENV = "SLUICE_CONFIG_FILE";

    private final Map<Setting, String> values;

    private SluiceConfig(Map<Setting, String> values) {
        this.values = values;
    }

    /** Reads system properties, the environment and the optional properties file. */
    public static SluiceConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    public static SluiceConfig load(Map<String, String> env, Properties systemProperties) {
        Properties file = readFile(env.get(CONFIG_FILE_ENV));
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            String value = systemProperties.getProperty(setting.property());
            if (value == null) value = env.get(setting.env());
            if (value == null) value = file.getProperty(setting.property());
            if (value == null) value = setting.defaultValue();
            values.put(setting, value.trim());
        }
        return new SluiceConfig(values);
    }

    /** Defaults only, with the given overrides; for tests and tools. */
    public static SluiceConfig of(Map<Setting, String> overrides) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) values.put(setting, setting.defaultValue());
        values.putAll(overrides);
        return new SluiceConfig(values);
    }

    /** A copy with one setting replaced. */
    public SluiceConfig with(Setting setting, String value) {
        Map<Setting, String> copy = new EnumMap<>(values);
        copy.put(setting, value);
        return new SluiceConfig(copy);
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    public int getInt(Setting setting) {
        return parse(setting, Integer::parseInt);
    }

    public long getLong(Setting setting) {
        return parse(setting, Long::parseLong);
    }

    /** {@code true} or {@code false}, nothing else. */
    public boolean getBoolean(Setting setting) {
        return parse(setting, value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    public Duration getDuration(Setting setting) {
        return parse(setting, Duration::parse);
    }

    public Path getPath(Setting setting) {
        return Path.of(get(setting));
    }

    /** Every setting as {@code env=value}, secrets masked: what a component logs at start-up. */
    public String describe() {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((setting, value) ->
                joiner.add(setting.env() + "=" + (setting.secret() && !value.isEmpty() ? "****" : value)));
        return joiner.toString();
    }

    private <T> T parse(Setting setting, java.util.function.Function<String, T> parser) {
        String value = get(setting);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid value for " + setting.env() + ": '" + value + "' (" + setting.description() + ")", e);
        }
    }

    private static Properties readFile(String file) {
        Properties properties = new Properties();
        if (file == null || file.isBlank()) return properties;
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CONFIG_FILE_ENV + "=" + file, e);
        }
    }
}
