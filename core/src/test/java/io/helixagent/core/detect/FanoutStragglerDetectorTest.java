package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.FanoutAggregate;
import org.junit.jupiter.api.Test;

/** Drives {@code fanout.straggler} through every severity and back with synthetic fan-outs. */
class FanoutStragglerDetectorTest {
    private static final long MS = 1_000_000L;
    private final FanoutStragglerDetector detector = new FanoutStragglerDetector();
    private final FanoutAggregate site = new FanoutAggregate("Council.ask(Council.java:7) [invokeAll]");
    private long now = 1_000_000;

    FanoutStragglerDetectorTest() {
        detector.configure(TestConfigs.of(""));
    }

    /** Adds {@code n} fan-outs, one a second, of which {@code straggling} have member 3 at 400 ms. */
    private Evaluation fanouts(final int n, final int straggling) {
        for (int i = 0; i < n; i++) {
            now += 1000;
            final boolean slow = i < straggling;
            site.onFanout(now, 5, slow ? 3 : 1, slow ? 400 * MS : 60 * MS, 50 * MS);
        }
        return detector.evaluate(site, now);
    }

    @Test
    void shouldSayNothingWithTooFewFanouts() {
        assertNull(fanouts(4, 4));
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        assertNull(fanouts(30, 0), "balanced members");
        assertEquals(Severity.INFO, fanouts(30, 9).severity(), "30% straggling");
        assertEquals(Severity.WARNING, fanouts(30, 18).severity(), "60% straggling");
        final Evaluation critical = fanouts(30, 30);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertEquals(3, critical.evidence().get("slowestMemberIndex"));
        assertEquals(400.0, critical.evidence().get("slowestMemberMs"));
        assertEquals(50.0, critical.evidence().get("medianMemberMs"));
        assertEquals(8.0, critical.evidence().get("slowdownRatio"));
        assertTrue(critical.summary().endsWith("member #3 was the slowest in 30 of them."), critical.summary());
        assertTrue(critical.recommendations().get(1).contains("invokeAll(tasks, 100, MILLISECONDS)"),
            critical.recommendations().toString());
        assertNull(fanouts(30, 0), "the window moved past the slow fan-outs");
    }

    @Test
    void shouldIgnoreSlowMembersUnderTheMinimum() {
        for (int i = 0; i < 30; i++) {
            now += 1000;
            site.onFanout(now, 5, 3, 40 * MS, 5 * MS);
        }
        assertNull(detector.evaluate(site, now), "8x slower but only 40 ms");
    }
}
