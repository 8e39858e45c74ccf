package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.GcAggregate;
import io.helixagent.core.sample.JvmSample;
import org.junit.jupiter.api.Test;

/** Drives {@code gc.overhead} through every severity and back with synthetic collections. */
class GcOverheadDetectorTest {
    private static final long MS = 1_000_000L;
    private static final long MB = 1024 * 1024;
    private final GcOverheadDetector detector = new GcOverheadDetector();
    private final GcAggregate gc = new GcAggregate();
    private final JvmSample jvm = new JvmSample(60 * MB, 100 * MB, 100 * MB, 30 * MB, 20, 10, 20, 0.5, 0.5,
        8L << 30, 4L << 30, 100, 1 << 20, 0, 0);

    GcOverheadDetectorTest() {
        detector.configure(TestConfigs.of(""));
    }

    /** {@code seconds} seconds, each with {@code pauses} collections of {@code pauseMs}. */
    private Evaluation seconds(final int seconds, final int pauses, final long pauseMs) {
        Evaluation e = null;
        for (int s = 0; s < seconds; s++) {
            for (int p = 0; p < pauses; p++) {
                gc.onCollection(pauseMs * MS, pauseMs * MS);
            }
            e = detector.evaluate(gc, jvm);
            gc.rotate();
        }
        return e;
    }

    @Test
    void shouldSayNothingBeforeEnoughHistory() {
        assertNull(seconds(3, 10, 50));
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        assertNull(seconds(30, 2, 5), "1% of the time in short pauses");
        assertEquals(Severity.WARNING, seconds(30, 3, 50).severity(), "15% of the time");
        final Evaluation critical = seconds(30, 10, 50);
        assertEquals(Severity.CRITICAL, critical.severity(), "50% of the time");
        assertEquals(0.5, (Double) critical.evidence().get("gcTimeRatio"), 1e-9);
        assertEquals("JFR pauses", critical.evidence().get("source"));
        assertNull(seconds(30, 1, 5), "the window moved on");
    }

    @Test
    void shouldFlagALongPauseEvenWhenRare() {
        seconds(29, 0, 0);
        final Evaluation e = seconds(1, 1, 2500);
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals(2500.0, e.evidence().get("longestPauseMs"));
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Shorten pauses: the longest was 2500")));
    }

    @Test
    void shouldFallBackToCollectorTimeWithoutJfr() {
        long total = 0;
        Evaluation e = null;
        for (int s = 0; s < 30; s++) {
            total += 300;
            gc.onCollectorTime(total);
            e = detector.evaluate(gc, jvm);
            gc.rotate();
        }
        assertEquals(Severity.CRITICAL, e.severity(), "30% of the time");
        assertEquals("collector MXBeans", e.evidence().get("source"));
    }
}
