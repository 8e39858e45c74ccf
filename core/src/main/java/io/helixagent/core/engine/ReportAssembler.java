package io.helixagent.core.engine;

import io.helixagent.core.aggregate.ExecutorAggregate;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.report.Finding;
import io.helixagent.core.report.Report;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.sample.JvmSample;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.stats.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable {@link Report} snapshot from the engine's state at a tick, and keeps the timeline
 * its charts are drawn from. Pipeline thread only.
 */
final class ReportAssembler {
    private static final int TIMELINE_POINTS = 720;
    private static final int SUBJECT_WINDOW_SECONDS = 10;
    private static final Map<String, String> UNITS = Map.of("heapUsedBytes", "bytes", "liveHeapAfterGcBytes",
        "bytes", "threads", "count", "processCpuLoad", "ratio", "systemCpuLoad", "ratio");

    private final RuntimeInfo info;
    private final Timeline timeline;

    ReportAssembler(final RuntimeInfo info, final long startMillis) {
        this.info = info;
        this.timeline = new Timeline(startMillis, 1000, TIMELINE_POINTS);
    }

    Report assemble(final Instant now, final Engine engine, final List<Finding> findings, final JvmSample jvm,
                    final GcTotals gc, final String jfrState) {
        final List<SubjectSnapshot> subjects = new ArrayList<>();
        final Map<String, Double> points = new LinkedHashMap<>();
        final Map<String, String> units = new HashMap<>(UNITS);
        points.put("heapUsedBytes", (double) jvm.heapUsedBytes());
        points.put("liveHeapAfterGcBytes", (double) liveAfterGc(jvm, gc));
        points.put("threads", (double) jvm.threads());
        points.put("processCpuLoad", jvm.processCpuLoad());
        points.put("systemCpuLoad", jvm.systemCpuLoad());
        for (final ExecutorAggregate pool : engine.executors()) {
            final SubjectSnapshot snapshot = executorSnapshot(pool);
            subjects.add(snapshot);
            final String prefix = "executor:" + pool.subject().displayName() + ":";
            points.put(prefix + "queued", pool.queued().latest());
            points.put(prefix + "active", pool.active().latest());
            units.put(prefix + "queued", "count");
            units.put(prefix + "active", "count");
        }
        timeline.append(points, units);
        return new Report(now, agent(), jvm(now), pipeline(engine), findings, subjects, system(jvm, gc, jfrState),
            timeline.toMap(), List.of());
    }

    private static long liveAfterGc(final JvmSample jvm, final GcTotals gc) {
        return gc.heapAfterLastGcBytes() >= 0 ? gc.heapAfterLastGcBytes() : jvm.liveAfterGcBytes();
    }

    private Map<String, Object> agent() {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", info.agentVersion());
        m.put("attachMode", info.attachMode());
        m.put("startedAt", info.agentStarted());
        return m;
    }

    private Map<String, Object> jvm(final Instant now) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", info.pid());
        m.put("app", info.app());
        m.put("mainClass", info.mainClass());
        m.put("javaVersion", info.javaVersion());
        m.put("vendor", info.vendor());
        m.put("startTime", info.jvmStarted());
        m.put("uptimeMs", Math.max(0, now.toEpochMilli() - info.jvmStarted().toEpochMilli()));
        m.put("maxHeapBytes", info.maxHeapBytes());
        m.put("cpus", info.cpus());
        return m;
    }

    private static Map<String, Object> pipeline(final Engine engine) {
        final Map<String, Object> m = new LinkedHashMap<>();
        final long dropped = engine.ring().dropped();
        final long delivered = engine.ring().delivered();
        final long inFlight = engine.ring().inFlight();
        m.put("produced", delivered + dropped + inFlight);
        m.put("delivered", delivered);
        m.put("dropped", dropped);
        m.put("inFlight", inFlight);
        m.put("bufferBytes", engine.ring().capacityBytes());
        return m;
    }

    private static Map<String, Object> system(final JvmSample jvm, final GcTotals gc, final String jfrState) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("processCpuLoad", round(jvm.processCpuLoad()));
        m.put("systemCpuLoad", round(jvm.systemCpuLoad()));
        m.put("totalMemoryBytes", jvm.totalMemoryBytes());
        m.put("freeMemoryBytes", jvm.freeMemoryBytes());
        m.put("openFileDescriptors", jvm.openFileDescriptors());
        m.put("maxFileDescriptors", jvm.maxFileDescriptors());
        m.put("heapUsedBytes", jvm.heapUsedBytes());
        m.put("heapCommittedBytes", jvm.heapCommittedBytes());
        m.put("heapMaxBytes", jvm.heapMaxBytes());
        m.put("liveHeapAfterGcBytes", liveAfterGc(jvm, gc));
        m.put("threads", jvm.threads());
        m.put("daemonThreads", jvm.daemonThreads());
        m.put("peakThreads", jvm.peakThreads());
        m.put("gcCount", jvm.gcCount());
        m.put("gcTimeMs", jvm.gcTimeMillis());
        m.put("gcPauseTotalMs", Numbers.millis(gc.pauseTotalNanos()));
        m.put("gcLongestPauseMs", Numbers.millis(gc.longestPauseNanos()));
        m.put("jfr", jfrState);
        return m;
    }

    private static Double round(final double load) {
        return Double.isNaN(load) ? null : Numbers.round3(load);
    }

    private static SubjectSnapshot executorSnapshot(final ExecutorAggregate pool) {
        final int seconds = Math.min(SUBJECT_WINDOW_SECONDS, pool.filledSeconds());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", pool.subject().type());
        m.put("queuedTasks", (long) Math.max(0, nanToZero(pool.queued().latest())));
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
        return new SubjectSnapshot(Engine.EXECUTOR, pool.subject().describe(), pool.subject().creationSite(), m);
    }

    private static double nanToZero(final double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
