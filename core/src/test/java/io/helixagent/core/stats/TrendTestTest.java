package io.helixagent.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.stats.TrendTest.Trend;
import org.junit.jupiter.api.Test;

/** Mann-Kendall and Sen's slope on the shapes that matter for leaks. */
class TrendTestTest {
    private final TrendTest test = new TrendTest();

    @Test
    void shouldFindSignificantRiseWithExactSlopeWhenSeriesGrowsSteadily() {
        final Trend t = test.of(new double[] {10, 12, 14, 16, 18, 20, 22, 24}, 8);
        assertEquals(2.0, t.slopePerSample(), 1e-9);
        assertEquals((28 - 1) / Math.sqrt(8 * 7 * 21 / 18.0), t.z(), 1e-9, "S = 28 of 28 pairs rising");
    }

    @Test
    void shouldSeeNoTrendInFlatSeries() {
        final Trend t = test.of(new double[] {5, 5, 5, 5, 5, 5}, 6);
        assertEquals(0, t.z(), 1e-9);
        assertEquals(0, t.slopePerSample(), 1e-9);
    }

    @Test
    void shouldGiveZeroSlopeToOneJumpFollowedByPlateau() {
        final double[] series = new double[20];
        for (int i = 3; i < series.length; i++) {
            series[i] = 100;
        }
        final Trend t = test.of(series, series.length);
        assertEquals(0, t.slopePerSample(), 1e-9, "most pairs are flat: the median slope is zero");
        assertTrue(t.z() > 2.33, "Mann-Kendall alone would call a jump a trend: " + t.z());
    }

    @Test
    void shouldBeRobustToOneOutlier() {
        final Trend t = test.of(new double[] {1, 2, 3, 1000, 5, 6, 7, 8, 9, 10}, 10);
        assertEquals(1.0, t.slopePerSample(), 0.2);
        assertTrue(t.z() > 2.33, "z " + t.z());
    }

    @Test
    void shouldReportFallingSeriesAsNegative() {
        final Trend t = test.of(new double[] {9, 8, 7, 6, 5, 4}, 6);
        assertTrue(t.z() < -2.33, "z " + t.z());
        assertEquals(-1.0, t.slopePerSample(), 1e-9);
    }

    @Test
    void shouldNotJudgeFewerThanThreeSamples() {
        assertEquals(new Trend(2, 0, 0), test.of(new double[] {1, 9}, 2));
    }
}
