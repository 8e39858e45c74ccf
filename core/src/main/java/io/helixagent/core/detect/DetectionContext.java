package io.helixagent.core.detect;

import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.engine.Feature;

/** What detectors may read at a tick: the features' aggregates, never the host's objects. */
public interface DetectionContext {
    /**
     * @param type the feature's class.
     * @return the running feature of that class, or null when it is not running.
     */
    <T extends Feature> T feature(Class<T> type);

    /** @return the time of the tick being evaluated, epoch milliseconds. */
    long nowMillis();

    /** @return the agent's own pipeline figures. */
    PipelineAggregate pipeline();
}
