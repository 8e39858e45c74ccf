package io.helixagent.core.detect;

import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.DeadlockFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code locks.deadlock}: threads waiting for each other's locks, forever. Always CRITICAL: the threads and
 * everything waiting on them are stuck until the JVM restarts (the guide's escalation level 4). The evidence
 * names every thread, the lock it waits for, who holds it, and each stack.
 */
public final class DeadlockDetector implements Detector {
    /** The detector id. */
    public static final String ID = "locks.deadlock";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return List.of();
    }

    @Override
    public int windowSeconds() {
        return 0;
    }

    @Override
    public void configure(final Config config) {
        // nothing to tune: a deadlock is never healthy
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(DeadlockFeature.class, DeadlockFeature::deadlocks, DeadlockDetector::evaluation, out);
    }

    static Evaluation evaluation(final DeadlockFeature.Deadlock deadlock) {
        final List<Map<String, Object>> threads = deadlock.threads();
        final String names = threads.stream().map(t -> "'" + t.get("thread") + "'").collect(Collectors.joining(", "));
        final String locks = threads.stream().map(t -> String.valueOf(t.get("waitsFor")))
            .collect(Collectors.joining(", "));
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("threadCount", threads.size());
        e.put("threads", threads);
        final Map<String, Object> first = threads.get(0);
        return new Evaluation(ID, deadlock.key(), "deadlock of " + names, 100,
            "Threads are deadlocked",
            threads.size() + " threads (" + names + ") wait for each other's locks (" + locks + ") and will never "
                + "continue; " + first.get("thread") + " waits in " + topFrame(first) + ".",
            e, List.of(
                "Restart the JVM to release the threads (nothing inside it can): this is the guide's escalation "
                    + "level 4, and the stacks above are what to fix before it happens again.",
                "Take the locks in one global order everywhere (the guide's \"incorrect lock ordering\"): here "
                    + names + " take " + locks + " in opposite orders.",
                "Where an order cannot be guaranteed, use ReentrantLock.tryLock(timeout, unit) and back off instead "
                    + "of waiting forever, or hold one lock at a time."));
    }

    private static String topFrame(final Map<String, Object> thread) {
        final Object stack = thread.get("stack");
        return stack instanceof List<?> frames && !frames.isEmpty() ? String.valueOf(frames.get(0)) : "unknown code";
    }
}
