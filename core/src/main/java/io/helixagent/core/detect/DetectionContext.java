package io.helixagent.core.detect;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.aggregate.PipelineAggregate;
import java.util.Collection;

/** What detectors may read at a tick: the aggregates, never the host's objects. */
public interface DetectionContext {
    /** @return the aggregates of live worker pools. */
    Collection<ExecutorAggregate> executors();

    /** @return the agent's own pipeline figures. */
    PipelineAggregate pipeline();
}
