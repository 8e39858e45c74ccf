package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ScoreTest {
    @Test
    void shouldPlaceLimitsExactlyAtSeverityBoundaries() {
        assertEquals(0, Score.of(0, 1, 2, 4));
        assertEquals(25, Score.of(1, 1, 2, 4), 1e-9);
        assertEquals(50, Score.of(2, 1, 2, 4), 1e-9);
        assertEquals(75, Score.of(4, 1, 2, 4), 1e-9);
        assertEquals(100, Score.of(8, 1, 2, 4), 1e-9);
        assertEquals(100, Score.of(1e9, 1, 2, 4), 1e-9);
        assertEquals(37.5, Score.of(1.5, 1, 2, 4), 1e-9);
        assertEquals(0, Score.of(Double.NaN, 1, 2, 4));
    }

    @Test
    void shouldMapScoresToSeverities() {
        assertNull(Severity.of(24.9));
        assertEquals(Severity.INFO, Severity.of(25));
        assertEquals(Severity.WARNING, Severity.of(50));
        assertEquals(Severity.CRITICAL, Severity.of(75));
    }
}
