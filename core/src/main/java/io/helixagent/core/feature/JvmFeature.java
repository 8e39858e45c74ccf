package io.helixagent.core.feature;

import io.helixagent.core.aggregate.GcAggregate;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.sample.JvmSample;
import io.helixagent.core.sample.JvmSampler;
import org.agrona.DirectBuffer;

/**
 * The JVM and the machine: platform MXBeans sampled each tick, garbage collections from the JFR stream.
 * Feeds the report's {@code system} section and its heap, thread and CPU charts.
 */
public final class JvmFeature implements Feature {
    private final JvmSampler sampler = new JvmSampler();
    private final GcAggregate gc = new GcAggregate();
    private volatile String jfrState = "off";
    private JvmSample latest;

    /** Records how the JFR stream is doing: {@code on}, {@code off}, {@code stopped} or why it is unavailable. */
    public void jfrState(final String state) {
        jfrState = state;
    }

    /** @return the latest sample, or null before the first tick. */
    public JvmSample latest() {
        return latest;
    }

    @Override
    public void historySeconds(final int seconds) {
        // garbage collection keeps GcAggregate.HISTORY_SECONDS, the longest window, whatever the detectors read
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.GC, RecordType.HEAP_AFTER_GC};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        if (type == RecordType.GC) {
            gc.onCollection(RecordLayout.a(buffer, index), RecordLayout.b(buffer, index));
        } else {
            gc.onHeapAfterGc(RecordLayout.a(buffer, index));
        }
    }

    /** @return garbage collection over the last minute. */
    public GcAggregate gc() {
        return gc;
    }

    @Override
    public void onTick(final long nowMillis) {
        latest = sampler.sample();
        gc.onCollectorTime(latest.gcTimeMillis());
    }

    @Override
    public void contribute(final ReportParts parts) {
        final JvmSample jvm = latest != null ? latest : sampler.sample();
        final long liveAfterGc = gc.heapAfterLastGcBytes() >= 0 ? gc.heapAfterLastGcBytes() : jvm.liveAfterGcBytes();
        parts.point("heapUsedBytes", "bytes", jvm.heapUsedBytes());
        parts.point("liveHeapAfterGcBytes", "bytes", liveAfterGc);
        parts.point("threads", "count", jvm.threads());
        parts.point("processCpuLoad", "ratio", jvm.processCpuLoad());
        parts.point("systemCpuLoad", "ratio", jvm.systemCpuLoad());
        parts.system("processCpuLoad", round(jvm.processCpuLoad()));
        parts.system("systemCpuLoad", round(jvm.systemCpuLoad()));
        parts.system("totalMemoryBytes", jvm.totalMemoryBytes());
        parts.system("freeMemoryBytes", jvm.freeMemoryBytes());
        parts.system("openFileDescriptors", jvm.openFileDescriptors());
        parts.system("maxFileDescriptors", jvm.maxFileDescriptors());
        parts.system("heapUsedBytes", jvm.heapUsedBytes());
        parts.system("heapCommittedBytes", jvm.heapCommittedBytes());
        parts.system("heapMaxBytes", jvm.heapMaxBytes());
        parts.system("liveHeapAfterGcBytes", liveAfterGc);
        parts.system("threads", jvm.threads());
        parts.system("daemonThreads", jvm.daemonThreads());
        parts.system("peakThreads", jvm.peakThreads());
        parts.system("gcCount", jvm.gcCount());
        parts.system("gcTimeMs", jvm.gcTimeMillis());
        parts.system("gcPauseTotalMs", Numbers.millis(gc.pauseTotalNanos()));
        parts.system("gcLongestPauseMs", Numbers.millis(gc.longestPauseEverNanos()));
        parts.system("jfr", jfrState);
    }

    @Override
    public void afterTick() {
        gc.rotate();
    }

    private static Double round(final double load) {
        return Double.isNaN(load) ? null : Numbers.round3(load);
    }
}
