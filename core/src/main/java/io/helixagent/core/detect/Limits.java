package io.helixagent.core.detect;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import java.util.List;

/**
 * The three limits of one signal, each a setting {@code <prefix>.info|warning|critical}, described the same way
 * for every detector. {@link #read} gives the configured values, which score a signal on the shared scale.
 */
final class Limits {
    private final ConfigKey info;
    private final ConfigKey warning;
    private final ConfigKey critical;
    private final boolean ratio;

    private Limits(final String prefix, final String what, final String[] defaults, final boolean ratio) {
        this.info = make(prefix + ".info", defaults[0], what + " at which INFO starts", ratio);
        this.warning = make(prefix + ".warning", defaults[1], what + " at which WARNING starts", ratio);
        this.critical = make(prefix + ".critical", defaults[2], what + " at which CRITICAL starts", ratio);
        this.ratio = ratio;
    }

    private static ConfigKey make(final String name, final String value, final String description,
                                  final boolean ratio) {
        return ratio ? ConfigKey.ratio(name, value, description) : ConfigKey.decimal(name, value, description);
    }

    /** @return limits whose values are ratios from 0 to 1 ({@code 0.8} or {@code 80%}). */
    static Limits ratio(final String prefix, final String what, final String info, final String warning,
                        final String critical) {
        return new Limits(prefix, what, new String[] {info, warning, critical}, true);
    }

    /** @return limits whose values are non-negative numbers, such as rates. */
    static Limits decimal(final String prefix, final String what, final String info, final String warning,
                          final String critical) {
        return new Limits(prefix, what, new String[] {info, warning, critical}, false);
    }

    /** @return the three settings, INFO first. */
    List<ConfigKey> keys() {
        return List.of(info, warning, critical);
    }

    /** @return the configured values. */
    Thresholds read(final Config config) {
        return ratio
            ? new Thresholds(config.ratio(info), config.ratio(warning), config.ratio(critical))
            : new Thresholds(config.decimal(info), config.decimal(warning), config.decimal(critical));
    }

    /**
     * Configured limits of one signal.
     *
     * @param info     where INFO starts.
     * @param warning  where WARNING starts.
     * @param critical where CRITICAL starts.
     */
    record Thresholds(double info, double warning, double critical) {
        /** @return the score of {@code value} on the shared scale. */
        double score(final double value) {
            return Score.of(value, info, warning, critical);
        }
    }
}
