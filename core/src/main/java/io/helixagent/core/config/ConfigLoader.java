package io.helixagent.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the effective {@link Config} from every source, highest precedence first: agent or attach arguments,
 * system properties {@code helix.<key>}, environment variables {@code HELIX_<KEY>}, the properties file named
 * by {@code config=<path>}, then the defaults.
 * <p>
 * Every given value is checked, including one that a higher source overrides, so that a latent mistake is
 * reported now rather than when the higher source goes away. A bad value is skipped: the key takes the next
 * source's valid value, else its default. Each problem becomes one warning line
 * {@code helix-agent: ignoring <given>: <reason>}, where {@code <given>} is spelled as the source spells it
 * ({@code jfr=maybe}, {@code helix.jfr=maybe}, {@code HELIX_JFR=maybe}); with {@code strict=true} the same
 * problems throw one {@link ConfigException} instead. Nothing is printed here and nothing else is thrown.
 */
public final class ConfigLoader {
    /** Source label of agent and attach arguments. */
    public static final String ARGUMENT = "argument";
    /** Source label of {@code helix.<key>} system properties. */
    public static final String SYSTEM_PROPERTY = "system property";
    /** Source label of {@code HELIX_<KEY>} environment variables. */
    public static final String ENVIRONMENT = "environment";
    /** Source label of the properties file, followed by its path as given. */
    public static final String FILE_PREFIX = "file ";
    /** Source label of a key's default. */
    public static final String DEFAULT = ConfigValue.DEFAULT;
    /** System properties in our namespace start with this. */
    public static final String SYSTEM_PROPERTY_PREFIX = "helix.";
    /** Environment variables in our namespace start with this. */
    public static final String ENVIRONMENT_PREFIX = "HELIX_";
    /** Every warning line starts with this. */
    public static final String WARNING_PREFIX = "helix-agent: ignoring ";
    /** Variables of other programs named Helix, left alone: the Helix text editor's runtime directories. */
    static final Set<String> FOREIGN_ENVIRONMENT =
        Set.of("HELIX_RUNTIME", "HELIX_DEFAULT_RUNTIME", "HELIX_DISABLE_AUTO_GRAMMAR_BUILD");
    /** System properties of Apache Helix (a cluster manager) that share our prefix, left alone. */
    static final List<String> FOREIGN_SYSTEM_PROPERTY_PREFIXES =
        List.of("helix.callbackhandler.", "helix.controller.", "helix.monitor.");

    private final ConfigSchema schema;
    private final String userHome;
    /** The winning value of each key given so far: sources are applied highest first, the first valid wins. */
    private final Map<String, ConfigValue> values = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ConfigLoader(final ConfigSchema schema, final String userHome) {
        this.schema = schema;
        this.userHome = userHome;
    }

    /**
     * Reads the configuration at agent start.
     *
     * @param agentArgs        {@code key=value,key=value}, from {@code -javaagent:helix-agent.jar=...} or attach;
     *                         null or empty for none.
     * @param systemProperties the JVM's system properties; {@code user.home} there expands {@code ~}.
     * @param environment      the process environment.
     * @param schema           the keys to accept.
     * @param warnings         receives one line per problem when not strict.
     * @return the effective configuration.
     * @throws ConfigException when {@code strict=true} and there was any problem.
     */
    public static Config load(final String agentArgs, final Map<String, String> systemProperties,
                              final Map<String, String> environment, final ConfigSchema schema,
                              final Consumer<String> warnings) {
        final String userHome = systemProperties.getOrDefault("user.home", System.getProperty("user.home"));
        final ConfigLoader loader = new ConfigLoader(schema, userHome);
        loader.apply(ARGUMENT, loader.arguments(agentArgs), "");
        loader.apply(SYSTEM_PROPERTY, systemPropertySettings(systemProperties), "");
        loader.apply(ENVIRONMENT, environmentSettings(environment, schema), "");
        loader.applyFile();
        return loader.finish(ConfigValue::defaultOf, warnings);
    }

    /** New arguments over a running configuration: the arguments, then a file they name, then the old values. */
    static Config override(final Config current, final String agentArgs, final Consumer<String> warnings) {
        final ConfigLoader loader = new ConfigLoader(current.schema(), current.userHome());
        loader.apply(ARGUMENT, loader.arguments(agentArgs), "");
        loader.applyFile();
        return loader.finish(current::value, warnings);
    }

    /**
     * Splits agent arguments into tokens at commas. A piece without {@code =} continues the token before it,
     * because list values contain commas: {@code report.formats=json,html,strict=true} is two tokens. Pieces
     * are trimmed and empty ones dropped.
     */
    static List<String> tokens(final String agentArgs) {
        final List<String> tokens = new ArrayList<>();
        if (agentArgs == null) {
            return tokens;
        }
        for (final String raw : agentArgs.split(",")) {
            final String piece = raw.trim();
            if (piece.isEmpty()) {
                continue;
            }
            if (piece.indexOf('=') < 0 && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "," + piece);
            } else {
                tokens.add(piece);
            }
        }
        return tokens;
    }

    /** The settings in agent arguments; a key given twice keeps its last value. */
    private List<Setting> arguments(final String agentArgs) {
        final Map<String, Setting> byKey = new LinkedHashMap<>();
        for (final String token : tokens(agentArgs)) {
            final int equals = token.indexOf('=');
            final String key = equals < 0 ? "" : token.substring(0, equals).trim();
            if (equals < 0) {
                problem(token, "expected key=value");
            } else if (key.isEmpty()) {
                problem(token, "empty key");
            } else {
                byKey.remove(key);
                byKey.put(key, new Setting(key, key, token.substring(equals + 1).trim()));
            }
        }
        return List.copyOf(byKey.values());
    }

    private static List<Setting> systemPropertySettings(final Map<String, String> properties) {
        final List<Setting> settings = new ArrayList<>();
        for (final String name : new TreeSet<>(properties.keySet())) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)
                && FOREIGN_SYSTEM_PROPERTY_PREFIXES.stream().noneMatch(name::startsWith)) {
                settings.add(new Setting(name, name.substring(SYSTEM_PROPERTY_PREFIX.length()), properties.get(name)));
            }
        }
        return settings;
    }

    private static List<Setting> environmentSettings(final Map<String, String> environment,
                                                     final ConfigSchema schema) {
        final List<Setting> settings = new ArrayList<>();
        for (final String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith(ENVIRONMENT_PREFIX) && !FOREIGN_ENVIRONMENT.contains(name)) {
                final ConfigKey key = schema.findByEnvironmentName(name);
                settings.add(new Setting(name, key == null ? null : key.name(), environment.get(name)));
            }
        }
        return settings;
    }

    /** Checks every setting of one source; the first valid value of a key, over all sources, wins. */
    private void apply(final String source, final List<Setting> settings, final String where) {
        for (final Setting setting : settings) {
            final String given = setting.spelling() + "=" + setting.text();
            final ConfigKey key = setting.key() == null ? null : schema.find(setting.key()).orElse(null);
            if (key == null) {
                problem(given, "unknown key" + where);
                continue;
            }
            try {
                values.putIfAbsent(key.name(), ConfigValue.of(key, setting.text(), source));
            } catch (final IllegalArgumentException ex) {
                problem(given, ex.getMessage() + where);
            }
        }
    }

    /** Applies the file named by the winning {@code config} value, if any, below every other source. */
    private void applyFile() {
        final String configName = CoreKeys.CONFIG.name();
        final ConfigValue named = values.get(configName);
        if (named == null) {
            return;
        }
        final String given = configName + "=" + named.text();
        final List<Setting> settings;
        try {
            settings = ConfigFile.read(ConfigValues.path(named.text(), userHome));
        } catch (final IllegalArgumentException ex) {
            problem(given, ex.getMessage());
            return;
        }
        if (!settings.isEmpty() && settings.stream().allMatch(setting -> schema.find(setting.key()).isEmpty())) {
            problem(given, "no helix-agent keys in it, not a helix-agent properties file");
            return;
        }
        final String where = " (in " + named.text() + ")";
        final List<Setting> fileSettings = new ArrayList<>();
        for (final Setting setting : settings) {
            if (setting.key().equals(configName)) {
                problem(setting.spelling() + "=" + setting.text(),
                    "a configuration file cannot name another one" + where);
            } else {
                fileSettings.add(setting);
            }
        }
        apply(FILE_PREFIX + named.text(), fileSettings, where);
    }

    private void problem(final String given, final String reason) {
        problems.add(ConfigValues.printable(given, ConfigValues.MAX_PRINTABLE_CHARS) + ": "
            + ConfigValues.printable(reason, Integer.MAX_VALUE));
    }

    private Config finish(final Function<ConfigKey, ConfigValue> fallback, final Consumer<String> warnings) {
        final Map<String, ConfigValue> effective = new HashMap<>();
        for (final ConfigKey key : schema.keys()) {
            final ConfigValue given = values.get(key.name());
            effective.put(key.name(), given != null ? given : fallback.apply(key));
        }
        if (!problems.isEmpty()) {
            final ConfigValue strict = effective.get(CoreKeys.STRICT.name());
            if (strict != null && Boolean.TRUE.equals(strict.value())) {
                throw new ConfigException(problems.size() == 1
                    ? "1 configuration problem with strict=true: " + problems.get(0)
                    : problems.size() + " configuration problems with strict=true, first: " + problems.get(0));
            }
            problems.forEach(problem -> warnings.accept(WARNING_PREFIX + problem));
        }
        return new Config(schema, effective, userHome);
    }
}
