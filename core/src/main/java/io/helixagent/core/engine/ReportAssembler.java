package io.helixagent.core.engine;

import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.report.Finding;
import io.helixagent.core.report.Report;
import io.helixagent.core.stats.Timeline;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable {@link Report} snapshot at a tick from what the features contributed, and keeps the
 * timeline its charts are drawn from. Pipeline thread only.
 */
final class ReportAssembler {
    private static final int TIMELINE_POINTS = 720;
    private static final long TICK_MILLIS = 1000;

    private final RuntimeInfo info;
    private final Timeline timeline;

    ReportAssembler(final RuntimeInfo info) {
        this.info = info;
        this.timeline = new Timeline(info.agentStarted().toEpochMilli(), TICK_MILLIS, TIMELINE_POINTS);
    }

    Report assemble(final Instant now, final List<Finding> findings, final ReportParts parts, final RecordRing ring) {
        if (!parts.points.isEmpty()) {
            timeline.append(parts.points, parts.units);
        }
        return new Report(now, agent(), jvm(now), pipeline(ring), findings, List.copyOf(parts.subjects),
            new LinkedHashMap<>(parts.system), timeline.toMap(), List.of());
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

    private static Map<String, Object> pipeline(final RecordRing ring) {
        final Map<String, Object> m = new LinkedHashMap<>();
        final long dropped = ring.dropped();
        final long delivered = ring.delivered();
        final long inFlight = ring.inFlight();
        m.put("produced", delivered + dropped + inFlight);
        m.put("delivered", delivered);
        m.put("dropped", dropped);
        m.put("inFlight", inFlight);
        m.put("bufferBytes", ring.capacityBytes());
        return m;
    }
}
