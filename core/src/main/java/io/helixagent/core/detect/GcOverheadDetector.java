package io.helixagent.core.detect;

import io.helixagent.core.aggregate.GcAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.JvmFeature;
import io.helixagent.core.sample.JvmSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code gc.overhead}: the application standing still for garbage collection. Two signals, the worse wins:
 * <ul>
 *   <li>the share of wall time spent in collection pauses over the window (JDK Mission Control's GC pause
 *       ratio rule uses 5% and 10%; CRITICAL here starts at 25%, where a quarter of all time is lost);</li>
 *   <li>the longest single pause in the window (with JFR only), which is what a request unlucky enough to meet
 *       it sees.</li>
 * </ul>
 * Pauses come from JFR when it runs (exact, pauses only); without it, from the collectors' MXBeans, leaving out
 * the beans that count concurrent work (G1 Concurrent GC, ZGC and Shenandoah cycles).
 */
public final class GcOverheadDetector implements Detector {
    /** The detector id. */
    public static final String ID = "gc.overhead";
    private static final String P = "detector." + ID + ".";
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double FULL_HEAP_RATIO = 0.7;

    static final ConfigKey WINDOW = WindowSetting.key(P, "30s", "time in GC is measured");
    static final Limits TIME = Limits.ratio(P + "time", "share of wall time in GC pauses", "0.05", "0.1", "0.25");
    static final Limits PAUSE = Limits.decimal(P + "pause-ms", "longest single pause in milliseconds", "200", "500",
        "2000");
    static final ConfigKey MIN_SECONDS = ConfigKey.integer(P + "min.seconds", "5", 1, 60,
        "seconds of history needed before time in GC is judged");

    private static final List<ConfigKey> PARAMETERS = Stream.of(List.of(WINDOW), TIME.keys(), PAUSE.keys(),
        List.of(MIN_SECONDS)).flatMap(List::stream).toList();

    private int windowSeconds = 30;
    private Limits.Thresholds timeLimits;
    private Limits.Thresholds pauseLimits;
    private int minSeconds;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return PARAMETERS;
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void configure(final Config config) {
        windowSeconds = WindowSetting.seconds(config, WINDOW);
        timeLimits = TIME.read(config);
        pauseLimits = PAUSE.read(config);
        minSeconds = config.integer(MIN_SECONDS);
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        final JvmFeature jvm = context.feature(JvmFeature.class);
        if (jvm == null || jvm.latest() == null) {
            return;
        }
        final Evaluation e = evaluate(jvm.gc(), jvm.latest());
        if (e != null) {
            out.add(e);
        }
    }

    Evaluation evaluate(final GcAggregate gc, final JvmSample jvm) {
        final int seconds = Math.min(windowSeconds, gc.filledSeconds());
        if (seconds < minSeconds) {
            return null;
        }
        final double timeRatio = Math.min(1, gc.pausedNanos(seconds) / (seconds * NANOS_PER_SECOND));
        final double longestMs = gc.longestPauseNanos(seconds) / 1e6;
        final double score = Math.max(timeLimits.score(timeRatio), pauseLimits.score(longestMs));
        if (Severity.of(score) == null) {
            return null;
        }
        final long live = gc.heapAfterLastGcBytes() >= 0 ? gc.heapAfterLastGcBytes() : jvm.liveAfterGcBytes();
        final double liveRatio = jvm.heapMaxBytes() > 0 ? (double) live / jvm.heapMaxBytes() : 0;
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("gcTimeRatio", Numbers.round3(timeRatio));
        e.put("gcPausedMs", Numbers.millis(gc.pausedNanos(seconds)));
        if (gc.fromJfr()) {
            e.put("collections", gc.collections(seconds));
            e.put("longestPauseMs", Numbers.round1(longestMs));
        }
        e.put("liveHeapAfterGcBytes", live);
        e.put("heapMaxBytes", jvm.heapMaxBytes());
        e.put("liveHeapRatio", Numbers.round3(liveRatio));
        e.put("source", gc.fromJfr() ? "JFR pauses" : "collector MXBeans");
        e.put("windowSec", seconds);
        return new Evaluation(ID, "jvm", "the JVM's garbage collector", score,
            "Garbage collection is stopping the application",
            "The application stood still for garbage collection " + Numbers.percent(timeRatio) + " of the last "
                + seconds + " s" + (gc.fromJfr() ? ", longest pause " + Numbers.plain(longestMs) + " ms" : "")
                + "; the live heap after GC is " + Numbers.percent(liveRatio) + " of the maximum.",
            e, recommendations(liveRatio, longestMs, jvm.heapMaxBytes(), live));
    }

    private static List<String> recommendations(final double liveRatio, final double longestMs, final long maxBytes,
                                                final long liveBytes) {
        final List<String> r = new ArrayList<>();
        final long mb = 1024 * 1024;
        if (liveRatio >= FULL_HEAP_RATIO) {
            r.add("Give the heap room: the live set after GC is " + liveBytes / mb + " MB of " + maxBytes / mb
                + " MB (" + Numbers.percent(liveRatio) + "), so the collector runs again and again to free little; "
                + "raise -Xmx to about " + Math.max(2 * liveBytes / mb, maxBytes / mb + 1) + "m, or reduce what "
                + "is kept (caches too large, the guide's 'reduce L1 cache size').");
            r.add("If the live set keeps rising, look for a leak before adding memory (memory.heap-leak, a heap "
                + "dump: jcmd <pid> GC.heap_dump).");
        }
        r.add("Allocate less on hot paths: fewer temporary objects, reuse buffers, avoid boxing; allocation "
            + "rate drives how often young collections run.");
        if (longestMs >= 200) {
            r.add("Shorten pauses: the longest was " + Numbers.plain(longestMs) + " ms; set a pause goal "
                + "(-XX:MaxGCPauseMillis with G1) or use a low-pause collector (-XX:+UseZGC).");
        }
        return r;
    }
}
