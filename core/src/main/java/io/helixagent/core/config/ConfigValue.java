package io.helixagent.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The effective value of one key: its display text, the parsed value and the source that gave it.
 *
 * @param text   the value in canonical text form, or null when the key has no value.
 * @param value  the parsed value (see {@link ConfigKey#parse(String)}), or null when the key has no value.
 * @param source {@code argument}, {@code system property}, {@code environment}, {@code file <path>} or
 *               {@code default}.
 */
record ConfigValue(String text, Object value, String source) {
    /** Source label of a key's default. */
    static final String DEFAULT = "default";

    /** Parses a text for a key; throws IllegalArgumentException, whose message is the reason, when invalid. */
    static ConfigValue of(final ConfigKey key, final String text, final String source) {
        final Object value = key.parse(text);
        final String canonical;
        if (value instanceof List<?> items) {
            canonical = items.stream().map(String::valueOf).collect(Collectors.joining(","));
        } else if (value instanceof String || value instanceof Boolean) {
            canonical = value.toString();
        } else {
            canonical = text.trim();
        }
        return new ConfigValue(canonical, value, source);
    }

    /** The key's default, or no value when it has none. */
    static ConfigValue defaultOf(final ConfigKey key) {
        return key.defaultValue() == null ? new ConfigValue(null, null, DEFAULT) : of(key, key.defaultValue(), DEFAULT);
    }
}
