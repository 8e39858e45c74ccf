package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.report.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTrackerTest {
    private final FindingTracker tracker = new FindingTracker(3, 10);

    private static Evaluation eval(final String subject, final double score) {
        return new Evaluation("pool.saturation", subject, "pool " + subject, score, "t", "s" + score,
            Map.of("score", score), List.of("r"));
    }

    private static Instant at(final int second) {
        return Instant.ofEpochSecond(second);
    }

    @Test
    void shouldKeepWorstEvaluationOfEpisodeAndCloseAfterQuietTicks() {
        assertEquals(1, tracker.update(List.of(eval("a", 55)), at(1)).size());
        assertEquals(1, tracker.update(List.of(eval("a", 80)), at(2)).size(), "escalation is a change");
        assertEquals(0, tracker.update(List.of(eval("a", 60)), at(3)).size());
        Finding f = tracker.findings().get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("s80.0", f.summary());
        assertEquals(at(1), f.firstSeen());
        assertEquals(at(3), f.lastSeen());
        assertTrue(f.active());
        assertEquals(0, tracker.update(List.of(), at(4)).size());
        assertEquals(0, tracker.update(List.of(), at(5)).size());
        final List<Finding> closed = tracker.update(List.of(), at(6));
        assertEquals(1, closed.size());
        assertFalse(closed.get(0).active());
        f = tracker.findings().get(0);
        assertFalse(f.active());
        assertEquals(Severity.CRITICAL, f.severity(), "an ended finding keeps how bad it got");
    }

    @Test
    void shouldReopenWithNewEpisodeAndKeepFirstSeen() {
        tracker.update(List.of(eval("a", 90)), at(1));
        for (int t = 2; t <= 4; t++) {
            tracker.update(List.of(), at(t));
        }
        final List<Finding> reopened = tracker.update(List.of(eval("a", 30)), at(10));
        assertEquals(1, reopened.size());
        final Finding f = reopened.get(0);
        assertTrue(f.active());
        assertEquals(Severity.INFO, f.severity());
        assertEquals(at(1), f.firstSeen());
    }

    @Test
    void shouldOrderActiveFirstThenBySeverity() {
        tracker.update(List.of(eval("old", 90)), at(1));
        for (int t = 2; t <= 4; t++) {
            tracker.update(List.of(), at(t));
        }
        tracker.update(List.of(eval("info", 30), eval("warn", 60)), at(5));
        final List<Finding> all = tracker.findings();
        assertEquals(List.of("pool warn", "pool info", "pool old"), all.stream().map(Finding::subject).toList());
    }
}
