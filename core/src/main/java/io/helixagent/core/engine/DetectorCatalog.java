package io.helixagent.core.engine;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.config.CoreKeys;
import io.helixagent.core.detect.AgentOverloadDetector;
import io.helixagent.core.detect.CacheHitRateDetector;
import io.helixagent.core.detect.ConnPoolExhaustionDetector;
import io.helixagent.core.detect.DeadlockDetector;
import io.helixagent.core.detect.Detector;
import io.helixagent.core.detect.DetectorIds;
import io.helixagent.core.detect.EventBusBackpressureDetector;
import io.helixagent.core.detect.FanoutStragglerDetector;
import io.helixagent.core.detect.GcOverheadDetector;
import io.helixagent.core.detect.HttpSlowDetector;
import io.helixagent.core.detect.ListenersLeakDetector;
import io.helixagent.core.detect.PoolSaturationDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The detectors that exist, and which of them the {@code detectors} setting enables. */
public final class DetectorCatalog {
    private final List<Supplier<Detector>> factories;

    /** @param factories one factory per detector. */
    public DetectorCatalog(final List<Supplier<Detector>> factories) {
        this.factories = List.copyOf(factories);
    }

    /** @return the catalog of every detector this build implements. */
    public static DetectorCatalog standard() {
        return new DetectorCatalog(List.of(PoolSaturationDetector::new, ConnPoolExhaustionDetector::new,
            HttpSlowDetector::new, CacheHitRateDetector::new, EventBusBackpressureDetector::new,
            ListenersLeakDetector::new, FanoutStragglerDetector::new, DeadlockDetector::new, GcOverheadDetector::new,
            AgentOverloadDetector::new));
    }

    /** @return every detector's settings, for the configuration schema. */
    public List<ConfigKey> parameters() {
        final List<ConfigKey> keys = new ArrayList<>();
        for (final Supplier<Detector> factory : factories) {
            keys.addAll(factory.get().parameters());
        }
        return keys;
    }

    /** @return fresh, configured instances of the detectors the settings enable. */
    public List<Detector> enabled(final Config config) {
        final List<String> selectors = config.list(CoreKeys.DETECTORS);
        final List<Detector> result = new ArrayList<>();
        for (final Supplier<Detector> factory : factories) {
            final Detector detector = factory.get();
            if (selectors.stream().anyMatch(s -> DetectorIds.matches(s, detector.id()))) {
                detector.configure(config);
                result.add(detector);
            }
        }
        return result;
    }
}
