package io.helixagent.core.feature;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.metrics.ExecutorMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.sample.ExecutorSampler;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/** Worker pools: task records from the probes, gauges sampled from the live pools each tick. */
public final class ExecutorFeature implements Feature {
    /** Executor subjects are registered with this kind. */
    public static final String KIND = "executor";
    private static final int REPORT_WINDOW_SECONDS = 10;
    private static final int NAMELESS_SECONDS = 3;

    private final SubjectRegistry subjects;
    private final MeterRegistry meterRegistry;
    private final Int2ObjectHashMap<ExecutorAggregate> pools = new Int2ObjectHashMap<>();
    private final Map<ExecutorAggregate, ExecutorMeters> meters = new HashMap<>();

    private int historySeconds = 10;

    /**
     * @param subjects where probes register pools.
     * @param meters   where each pool's {@code executor.*} meters go.
     */
    public ExecutorFeature(final SubjectRegistry subjects, final MeterRegistry meters) {
        this.subjects = subjects;
        this.meterRegistry = meters;
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return the aggregates of the pools seen so far and still alive. */
    public Collection<ExecutorAggregate> pools() {
        return pools.values();
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.EXECUTOR_TASK, RecordType.EXECUTOR_REJECTED};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final ExecutorAggregate pool = pool(RecordLayout.subject(buffer, index));
        if (pool == null) {
            return;
        }
        if (type == RecordType.EXECUTOR_TASK) {
            pool.onTask(RecordLayout.a(buffer, index), RecordLayout.b(buffer, index));
        } else {
            pool.onRejected();
        }
    }

    private ExecutorAggregate pool(final int subjectId) {
        ExecutorAggregate pool = pools.get(subjectId);
        if (pool == null) {
            final Subject subject = subjects.get(subjectId);
            if (subject == null) {
                return null;
            }
            pool = new ExecutorAggregate(subject, historySeconds);
            pools.put(subjectId, pool);
        }
        return pool;
    }

    @Override
    public void onTick(final long nowMillis) {
        pools.values().removeIf(pool -> {
            final boolean gone = pool.subject().get() == null;
            if (gone) {
                final ExecutorMeters bound = meters.remove(pool);
                if (bound != null) {
                    bound.close();
                }
            }
            return gone;
        });
        for (final Subject subject : subjects.live(KIND)) {
            final Object executor = subject.get();
            final ExecutorAggregate aggregate = pool(subject.id());
            if (executor != null && aggregate != null) {
                ExecutorSampler.sample(executor, aggregate);
                bindMeters(aggregate);
            }
        }
    }

    /** Meters are bound once the pool's name is known (its first task), or after a few seconds without one. */
    private void bindMeters(final ExecutorAggregate pool) {
        if (!meters.containsKey(pool) && (pool.subject().name() != null || pool.filledSeconds() >= NAMELESS_SECONDS)) {
            meters.put(pool, new ExecutorMeters(meterRegistry, pool, pool.subject().displayName()));
        }
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final ExecutorAggregate pool : pools.values()) {
            parts.subject(snapshot(pool));
            final String series = KIND + ":" + pool.subject().displayName() + ":";
            parts.point(series + "queued", "count", pool.queued().latest());
            parts.point(series + "active", "count", pool.active().latest());
        }
    }

    @Override
    public void afterTick() {
        for (final ExecutorAggregate pool : pools.values()) {
            pool.rotate();
        }
    }

    private static SubjectSnapshot snapshot(final ExecutorAggregate pool) {
        final int seconds = Math.min(REPORT_WINDOW_SECONDS, pool.filledSeconds());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", pool.subject().type());
        m.put("queuedTasks", (long) nanToZero(pool.queued().latest()));
        final double capacity = pool.queueCapacity().latest();
        m.put("queueCapacity", Double.isNaN(capacity) || capacity < 0 ? "unbounded" : (Object) (long) capacity);
        m.put("activeThreads", (long) nanToZero(pool.active().latest()));
        m.put("poolThreads", (long) nanToZero(pool.poolSize().latest()));
        m.put("maxThreads", (long) nanToZero(pool.maxPoolSize().latest()));
        m.put("completedTotal", pool.completed().total());
        m.put("rejectedTotal", pool.rejected().total());
        m.put("completedPerSec", Numbers.round1(pool.completed().sum(seconds) / (double) Math.max(1, seconds)));
        final LatencyHistogram wait = pool.waitNanos().merged(seconds);
        m.put("waitP50Ms", Numbers.millis(wait.percentileNanos(0.5)));
        m.put("waitP99Ms", Numbers.millis(wait.percentileNanos(0.99)));
        final LatencyHistogram run = pool.runNanos().merged(seconds);
        m.put("runP50Ms", Numbers.millis(run.percentileNanos(0.5)));
        m.put("runP99Ms", Numbers.millis(run.percentileNanos(0.99)));
        m.put("rejectionPolicy", pool.rejectionPolicy());
        if (pool.steals() >= 0) {
            m.put("steals", pool.steals());
        }
        m.put("shutdown", pool.isShutdown());
        return new SubjectSnapshot(KIND, pool.subject().describe(), pool.subject().creationSite(), m);
    }

    private static double nanToZero(final double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, value);
    }
}
