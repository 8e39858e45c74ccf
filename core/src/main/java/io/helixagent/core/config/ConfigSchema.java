package io.helixagent.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys one agent understands, in display order: the core keys plus those detectors add. Immutable.
 * Names are unique, and so are their environment variable names, so that {@code HELIX_A_B} means one key.
 */
public final class ConfigSchema {
    private final List<ConfigKey> keys;
    private final Map<String, ConfigKey> byName;
    private final Map<String, ConfigKey> byEnvironmentName;

    private ConfigSchema(final List<ConfigKey> keys) {
        this.keys = List.copyOf(keys);
        final Map<String, ConfigKey> names = new HashMap<>();
        final Map<String, ConfigKey> environmentNames = new HashMap<>();
        for (final ConfigKey key : this.keys) {
            final ConfigKey sameVariable = environmentNames.putIfAbsent(key.environmentName(), key);
            if (sameVariable != null) {
                throw new IllegalArgumentException(key.name() + " and " + sameVariable.name()
                    + " would share the environment variable " + key.environmentName());
            }
            names.put(key.name(), key);
        }
        this.byName = Map.copyOf(names);
        this.byEnvironmentName = Map.copyOf(environmentNames);
    }

    /** Starts an empty schema. */
    public static Builder builder() {
        return new Builder();
    }

    /** The key of that name, if the agent understands it. */
    public Optional<ConfigKey> find(final String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every key, in the order they were added: the order of documentation and {@link Config#effective()}. */
    public List<ConfigKey> keys() {
        return keys;
    }

    /** The key an environment variable such as {@code HELIX_REPORT_DIR} sets, or null. */
    ConfigKey findByEnvironmentName(final String variable) {
        return byEnvironmentName.get(variable);
    }

    /** Collects keys in order; rejects a second key of the same name. */
    public static final class Builder {
        private final List<ConfigKey> keys = new ArrayList<>();

        private Builder() {
        }

        /** Appends a key. */
        public Builder add(final ConfigKey key) {
            if (indexOf(key.name()) >= 0) {
                throw new IllegalArgumentException("duplicate key " + key.name());
            }
            keys.add(key);
            return this;
        }

        /** Appends keys in their order, such as {@link CoreKeys#all()}. */
        public Builder addAll(final Collection<ConfigKey> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * Puts a key in the place of the one of the same name and type: how run-time checks, such as the known
         * detector ids, get into core keys (see {@link CoreKeys#detectorsKey}).
         */
        public Builder replace(final ConfigKey key) {
            final int index = indexOf(key.name());
            if (index < 0) {
                throw new IllegalArgumentException("no key " + key.name() + " to replace");
            }
            if (keys.get(index).type() != key.type()) {
                throw new IllegalArgumentException(key.name() + " is " + keys.get(index).type() + ", not "
                    + key.type());
            }
            keys.set(index, key);
            return this;
        }

        /** The immutable schema; rejects two keys whose environment variable names would be the same. */
        public ConfigSchema build() {
            return new ConfigSchema(keys);
        }

        private int indexOf(final String name) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
