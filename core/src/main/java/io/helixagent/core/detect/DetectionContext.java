package io.helixagent.core.detect;

import io.helixagent.core.aggregate.PipelineAggregate;
import io.helixagent.core.engine.Feature;
import java.util.List;
import java.util.function.Function;

/** What detectors may read at a tick: the features' aggregates, never the host's objects. */
public interface DetectionContext {
    /**
     * @param type the feature's class.
     * @return the running feature of that class, or null when it is not running.
     */
    <T extends Feature> T feature(Class<T> type);

    /** @return the time of the tick being evaluated, epoch milliseconds. */
    long nowMillis();

    /**
     * Judges each subject of one feature on its own: the loop most detectors share.
     *
     * @param type     the feature's class; nothing happens when it is not running.
     * @param subjects the feature's subjects.
     * @param verdict  the detector's verdict on one subject, or null when healthy or too early to say.
     * @param out      where verdicts go.
     */
    default <F extends Feature, S> void forEachSubject(final Class<F> type,
                                                       final Function<F, ? extends Iterable<S>> subjects,
                                                       final Function<S, Evaluation> verdict,
                                                       final List<Evaluation> out) {
        final F feature = feature(type);
        if (feature == null) {
            return;
        }
        for (final S subject : subjects.apply(feature)) {
            final Evaluation evaluation = verdict.apply(subject);
            if (evaluation != null) {
                out.add(evaluation);
            }
        }
    }

    /** @return the agent's own pipeline figures. */
    PipelineAggregate pipeline();
}
