package io.helixagent.core.detect;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;

/** The {@code detector.<id>.window} setting every windowed detector has: 1 s to 60 s of history. */
final class WindowSetting {
    /** The longest window: aggregates keep at most this much per-second history. */
    static final int MAX_SECONDS = 60;

    private WindowSetting() {
    }

    /** @return the setting {@code <prefix>window}. */
    static ConfigKey key(final String prefix, final String defaultValue, final String what) {
        return ConfigKey.duration(prefix + "window", defaultValue, "how far back " + what + " (1s to 60s)");
    }

    /** @return the configured window in whole seconds, within 1 to {@link #MAX_SECONDS}. */
    static int seconds(final Config config, final ConfigKey key) {
        return (int) Math.max(1, Math.min(MAX_SECONDS, config.duration(key).toSeconds()));
    }
}
