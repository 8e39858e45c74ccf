package io.helixagent.core.detect;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import java.util.List;

/**
 * One detector per id of SPEC section 5, built like a JDK Mission Control rule: named, documented
 * thresholds; a score that rises with the signal; texts built from the same numbers as the evidence.
 * Detectors run on the pipeline thread once per tick and must be quick: they read aggregates only.
 */
public interface Detector {
    /** @return the detector id, such as {@code pool.saturation}. */
    String id();

    /** @return its settings, each named {@code detector.<id>.<param>}, for validation and documentation. */
    List<ConfigKey> parameters();

    /** @return seconds of history this detector reads; aggregates keep at least that much. */
    int windowSeconds();

    /** Reads this detector's settings; called once before the first evaluation and on reconfiguration. */
    void configure(Config config);

    /**
     * Evaluates every subject it knows and adds a verdict for each subject that is not healthy; subjects
     * with too little data yet produce nothing.
     */
    void evaluate(DetectionContext context, List<Evaluation> out);
}
