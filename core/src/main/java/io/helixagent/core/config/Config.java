package io.helixagent.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The effective configuration: one value per schema key, typed, with the source that gave it. Immutable; a
 * later attach makes a new one with {@link #withOverrides}. Keys are matched by name, so a constant such as
 * {@link CoreKeys#DETECTORS} reads the key that replaced it in the schema. Asking for a key the schema does not
 * hold, or with the getter of another type, is a programming error and throws {@link IllegalArgumentException}.
 */
public final class Config {
    private final ConfigSchema schema;
    private final Map<String, ConfigValue> values;
    private final String userHome;

    Config(final ConfigSchema schema, final Map<String, ConfigValue> values, final String userHome) {
        this.schema = schema;
        this.values = Map.copyOf(values);
        this.userHome = userHome;
    }

    /** The value of any key in canonical text form, or null when it has none. */
    public String string(final ConfigKey key) {
        return value(key).text();
    }

    /** An INT value; throws IllegalStateException when the key has none (check {@link #hasValue}). */
    public int integer(final ConfigKey key) {
        return (Integer) present(key, ConfigType.INT);
    }

    /** A BOOLEAN value. */
    public boolean bool(final ConfigKey key) {
        return (Boolean) present(key, ConfigType.BOOLEAN);
    }

    /** A DURATION value, or null when the key has none. */
    public Duration duration(final ConfigKey key) {
        return (Duration) typed(key, ConfigType.DURATION);
    }

    /** A RATIO value from 0 to 1 ({@code 80%} is 0.8). */
    public double ratio(final ConfigKey key) {
        return (Double) present(key, ConfigType.RATIO);
    }

    /** A DECIMAL value. */
    public double decimal(final ConfigKey key) {
        return (Double) present(key, ConfigType.DECIMAL);
    }

    /** A BYTES value in bytes. */
    public long bytes(final ConfigKey key) {
        return (Long) present(key, ConfigType.BYTES);
    }

    /** A LIST value: trimmed, non-empty items, unmodifiable; null when the key has none. */
    public List<String> list(final ConfigKey key) {
        final List<?> items = (List<?>) typed(key, ConfigType.LIST);
        return items == null ? null : items.stream().map(String.class::cast).toList();
    }

    /** A PATH value with a leading {@code ~} replaced by the user's home directory, or null when it has none. */
    public Path path(final ConfigKey key) {
        final String text = (String) typed(key, ConfigType.PATH);
        return text == null ? null : ConfigValues.path(text, userHome);
    }

    /** Whether the key has a value, given or default; false for an unset key without default. */
    public boolean hasValue(final ConfigKey key) {
        return value(key).value() != null;
    }

    /** Whether some source gave the key explicitly, rather than its default applying. */
    public boolean isSet(final ConfigKey key) {
        return !ConfigLoader.DEFAULT.equals(source(key));
    }

    /**
     * Which source the value came from: {@code argument}, {@code system property}, {@code environment},
     * {@code file <path>} or {@code default}.
     */
    public String source(final ConfigKey key) {
        return value(key).source();
    }

    /**
     * This configuration with new arguments on top, as a later attach gives them: same syntax and warnings,
     * the arguments win over every other source, a {@code config=<path>} among them is read just below them,
     * and a bad new value keeps the current one.
     *
     * @throws ConfigException when the result has {@code strict=true} and the arguments had any problem.
     */
    public Config withOverrides(final String agentArgs, final Consumer<String> warnings) {
        return ConfigLoader.override(this, agentArgs, warnings);
    }

    /** Every key that has a value, in schema order, as canonical text: for status output and reports. */
    public Map<String, String> effective() {
        final Map<String, String> effective = new LinkedHashMap<>();
        for (final ConfigKey key : schema.keys()) {
            final String text = values.get(key.name()).text();
            if (text != null) {
                effective.put(key.name(), text);
            }
        }
        return Collections.unmodifiableMap(effective);
    }

    ConfigSchema schema() {
        return schema;
    }

    String userHome() {
        return userHome;
    }

    /** The value of a key of this configuration's schema. */
    ConfigValue value(final ConfigKey key) {
        final ConfigValue value = values.get(key.name());
        if (value == null) {
            throw new IllegalArgumentException("no key " + key.name() + " in this configuration's schema");
        }
        return value;
    }

    private Object typed(final ConfigKey key, final ConfigType type) {
        final ConfigType actual = schema.find(key.name()).map(ConfigKey::type).orElse(null);
        if (actual != null && actual != type) {
            throw new IllegalArgumentException(key.name() + " is " + actual + ", not " + type);
        }
        return value(key).value();
    }

    private Object present(final ConfigKey key, final ConfigType type) {
        final Object value = typed(key, type);
        if (value == null) {
            throw new IllegalStateException(key.name() + " has no value");
        }
        return value;
    }
}
