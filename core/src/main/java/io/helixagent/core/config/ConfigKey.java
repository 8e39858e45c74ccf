package io.helixagent.core.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One setting the agent understands: its name, type, default (in text form, as a user would write it),
 * a one-line description and the constraints its values must meet. Immutable; built by the static factories,
 * which check the default against the constraints so that a bad declaration fails when the class loads.
 */
public final class ConfigKey {
    /** Names are dotted lower case words, optionally with dashes: they map one to one onto variable names. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
    /** The longest duration whose nanoseconds still fit in a long, so callers may use {@code toNanos()}. */
    private static final long MAX_DURATION_MS = Long.MAX_VALUE / 1_000_000L;
    private static final Predicate<String> ANY = value -> true;
    /** A bad list item is quoted in its warning; a long one is cut, since the whole value is shown as well. */
    private static final int MAX_ITEM_CHARS = 40;

    private final String name;
    private final ConfigType type;
    private final String defaultValue;
    private final String description;
    private final List<String> allowedValues;
    private final Predicate<String> allowed;
    private final String hint;
    private final long min;
    private final long max;
    private final boolean powerOfTwo;

    private ConfigKey(final String name, final ConfigType type, final String defaultValue, final String description,
                      final List<String> allowedValues, final Predicate<String> allowed, final String hint,
                      final long min, final long max, final boolean powerOfTwo) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid key name: " + name);
        }
        if (description == null || description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException(name + ": the description must be one non-empty line");
        }
        if (min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " above max " + max);
        }
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.allowedValues = List.copyOf(allowedValues);
        this.allowed = allowed;
        this.hint = hint;
        this.min = min;
        this.max = max;
        this.powerOfTwo = powerOfTwo;
        if (defaultValue != null) {
            try {
                parse(defaultValue);
            } catch (final IllegalArgumentException ex) {
                throw new IllegalArgumentException(name + ": invalid default " + defaultValue + ": " + ex.getMessage(),
                    ex);
            }
        }
    }

    /** Free text, such as a host name or an application name. */
    public static ConfigKey string(final String name, final String defaultValue, final String description) {
        return string(name, defaultValue, description, ANY, "any text");
    }

    /** Text that must pass a check, such as {@code pkg.Class#method}; the hint names the form in messages. */
    public static ConfigKey string(final String name, final String defaultValue, final String description,
                                   final Predicate<String> allowed, final String hint) {
        return new ConfigKey(name, ConfigType.STRING, defaultValue, description, List.of(), allowed, hint, 0, 0,
            false);
    }

    /** A whole number from min to max, such as a port. */
    public static ConfigKey integer(final String name, final String defaultValue, final int min, final int max,
                                    final String description) {
        return new ConfigKey(name, ConfigType.INT, defaultValue, description, List.of(), ANY, "", min, max, false);
    }

    /** A switch: {@code true} or {@code false}. */
    public static ConfigKey bool(final String name, final String defaultValue, final String description) {
        return new ConfigKey(name, ConfigType.BOOLEAN, defaultValue, description, List.of(), ANY, "", 0, 0, false);
    }

    /** A non-negative duration of any length (up to about 292 years, so it fits in long nanoseconds). */
    public static ConfigKey duration(final String name, final String defaultValue, final String description) {
        return duration(name, defaultValue, Duration.ZERO, Duration.ofMillis(MAX_DURATION_MS), description);
    }

    /** A duration from min to max, both whole milliseconds. */
    public static ConfigKey duration(final String name, final String defaultValue, final Duration min,
                                     final Duration max, final String description) {
        if (min.toNanos() % 1_000_000L != 0 || max.toNanos() % 1_000_000L != 0) {
            throw new IllegalArgumentException(name + ": duration bounds must be whole milliseconds");
        }
        return new ConfigKey(name, ConfigType.DURATION, defaultValue, description, List.of(), ANY, "",
            min.toMillis(), max.toMillis(), false);
    }

    /** A fraction from 0 to 1, such as a hit-rate threshold. */
    public static ConfigKey ratio(final String name, final String defaultValue, final String description) {
        return new ConfigKey(name, ConfigType.RATIO, defaultValue, description, List.of(), ANY, "", 0, 0, false);
    }

    /** A non-negative decimal number, such as a rate per second. */
    public static ConfigKey decimal(final String name, final String defaultValue, final String description) {
        return new ConfigKey(name, ConfigType.DECIMAL, defaultValue, description, List.of(), ANY, "", 0, 0, false);
    }

    /** A size in bytes from min to max. */
    public static ConfigKey bytes(final String name, final String defaultValue, final long min, final long max,
                                  final String description) {
        return new ConfigKey(name, ConfigType.BYTES, defaultValue, description, List.of(), ANY, "", min, max,
            false);
    }

    /** A size in bytes from min to max that must be a power of two, such as a ring buffer's capacity. */
    public static ConfigKey powerOfTwoBytes(final String name, final String defaultValue, final long min,
                                            final long max, final String description) {
        return new ConfigKey(name, ConfigType.BYTES, defaultValue, description, List.of(), ANY, "", min, max,
            true);
    }

    /** One word of a fixed set; matched in any letter case, kept in the spelling given here. */
    public static ConfigKey enumeration(final String name, final String defaultValue, final String description,
                                        final String... allowed) {
        if (allowed.length == 0) {
            throw new IllegalArgumentException(name + ": an enumeration needs allowed values");
        }
        return new ConfigKey(name, ConfigType.ENUM, defaultValue, description, List.of(allowed), ANY,
            "one of " + String.join(", ", allowed), 0, 0, false);
    }

    /** A comma list whose items come from a fixed set, matched in any letter case. */
    public static ConfigKey list(final String name, final String defaultValue, final String description,
                                 final String... allowedItems) {
        return new ConfigKey(name, ConfigType.LIST, defaultValue, description, List.of(allowedItems), ANY,
            "one of " + String.join(", ", allowedItems), 0, 0, false);
    }

    /** A comma list whose items pass a check; the hint names acceptable items in messages. */
    public static ConfigKey list(final String name, final String defaultValue, final String description,
                                 final Predicate<String> itemAllowed, final String itemHint) {
        return new ConfigKey(name, ConfigType.LIST, defaultValue, description, List.of(), itemAllowed, itemHint,
            0, 0, false);
    }

    /** A file system path; {@link Config#path(ConfigKey)} expands a leading {@code ~}. */
    public static ConfigKey path(final String name, final String defaultValue, final String description) {
        return new ConfigKey(name, ConfigType.PATH, defaultValue, description, List.of(), ANY, "", 0, 0, false);
    }

    /**
     * The same list key with another item check, for lists whose valid items are only known at run time
     * (detector ids, instrumentation modules). The default must pass the new check.
     */
    public ConfigKey withItemValidator(final Predicate<String> itemAllowed, final String itemHint) {
        if (type != ConfigType.LIST) {
            throw new IllegalArgumentException(name + " is " + type + ", not LIST");
        }
        return new ConfigKey(name, type, defaultValue, description, List.of(), itemAllowed, itemHint, min, max,
            powerOfTwo);
    }

    /** The name users write: {@code report.dir}. */
    public String name() {
        return name;
    }

    /** How values are parsed. */
    public ConfigType type() {
        return type;
    }

    /** The default in text form, as a user would write it; null when the key has no value unless given. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One line for documentation and help texts. */
    public String description() {
        return description;
    }

    /** The fixed words of an ENUM, or the fixed items of a LIST; empty when values are free or checked. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** The environment variable that sets this key: {@code HELIX_} and the name upper case, {@code .-} as {@code _}. */
    String environmentName() {
        return "HELIX_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Parses a value for this key.
     *
     * @param text the value as given; surrounding whitespace is ignored.
     * @return String (STRING, ENUM in its declared spelling, PATH), Integer, Boolean, Duration, Double (RATIO,
     *     DECIMAL),
     *     Long (BYTES) or an unmodifiable List of String.
     * @throws IllegalArgumentException whose message is the reason, one line, when the value is invalid.
     */
    Object parse(final String text) {
        final String value = text.trim();
        if (value.isEmpty()) {
            throw ConfigValues.invalid("empty value");
        }
        return switch (type) {
            case STRING -> checked(value);
            case INT -> (int) inRange(ConfigValues.integer(value));
            case BOOLEAN -> ConfigValues.bool(value);
            case DURATION -> Duration.ofMillis(inRange(ConfigValues.durationMillis(value)));
            case RATIO -> ConfigValues.ratio(value);
            case DECIMAL -> ConfigValues.decimal(value);
            case BYTES -> powerOfTwo(inRange(ConfigValues.bytes(value)));
            case LIST -> items(value);
            case ENUM -> oneOf(value);
            case PATH -> validPath(value);
        };
    }

    @Override
    public String toString() {
        return name;
    }

    private String checked(final String value) {
        if (!allowed.test(value)) {
            throw ConfigValues.invalid("expected " + hint);
        }
        return value;
    }

    private long inRange(final BigInteger value) {
        if (value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0) {
            return value.longValue();
        }
        if (type == ConfigType.DURATION && min == 0 && max == MAX_DURATION_MS) {
            throw ConfigValues.invalid("too large");
        }
        throw ConfigValues.invalid("out of range (" + shown(min) + " to " + shown(max) + ")");
    }

    private String shown(final long bound) {
        return switch (type) {
            case BYTES -> ConfigValues.formatBytes(bound);
            case DURATION -> ConfigValues.formatMillis(bound);
            default -> Long.toString(bound);
        };
    }

    private long powerOfTwo(final long bytes) {
        if (powerOfTwo && Long.bitCount(bytes) != 1) {
            throw ConfigValues.invalid("not a power of two");
        }
        return bytes;
    }

    private List<String> items(final String value) {
        final List<String> items = new ArrayList<>();
        for (final String item : ConfigValues.list(value)) {
            final String accepted = allowedValues.isEmpty() ? (allowed.test(item) ? item : null) : canonical(item);
            if (accepted == null) {
                throw ConfigValues.invalid("bad item '" + ConfigValues.printable(item, MAX_ITEM_CHARS) + "': expected "
                    + hint);
            }
            items.add(accepted);
        }
        if (items.isEmpty()) {
            throw ConfigValues.invalid("empty list");
        }
        return List.copyOf(items);
    }

    private String oneOf(final String value) {
        final String accepted = canonical(value);
        if (accepted == null) {
            throw ConfigValues.invalid("expected " + hint);
        }
        return accepted;
    }

    /** The allowed value spelled as declared that matches in any letter case, or null. */
    private String canonical(final String value) {
        for (final String candidate : allowedValues) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        return null;
    }

    private static String validPath(final String value) {
        try {
            Path.of(value);
            return value;
        } catch (final InvalidPathException ex) {
            throw ConfigValues.invalid("not a valid path (" + ex.getReason() + ")");
        }
    }
}
