package io.helixagent.core.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The inputs of one {@link ConfigLoader#load} call, built fluently, and the warnings it printed. */
final class Sources {
    /** The core keys, as the agent's schema starts. */
    static final ConfigSchema CORE = ConfigSchema.builder().addAll(CoreKeys.all()).build();
    /** The home directory the tests' system properties declare. */
    static final String HOME = "/home/tester";

    private final Map<String, String> systemProperties = new HashMap<>(Map.of("user.home", HOME));
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private ConfigSchema schema = CORE;

    Sources property(final String name, final String value) {
        systemProperties.put(name, value);
        return this;
    }

    Sources env(final String name, final String value) {
        environment.put(name, value);
        return this;
    }

    Sources schema(final ConfigSchema other) {
        schema = other;
        return this;
    }

    Config load(final String agentArgs) {
        return ConfigLoader.load(agentArgs, systemProperties, environment, schema, warnings::add);
    }

    List<String> warnings() {
        return warnings;
    }
}
