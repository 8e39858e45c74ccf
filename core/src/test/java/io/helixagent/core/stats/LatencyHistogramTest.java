package io.helixagent.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void shouldReturnZeroWhenEmpty() {
        final LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentileNanos(0.99));
        assertEquals(0, h.meanNanos());
        assertEquals(0, h.count());
    }

    @Test
    void shouldKeepPercentilesWithinSevenPercentOfExactValues() {
        final Random random = new Random(42);
        final LatencyHistogram h = new LatencyHistogram();
        final long[] values = new long[50_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) (Math.exp(random.nextGaussian() * 1.5 + 14)) + 2048;
            h.recordNanos(values[i]);
        }
        Arrays.sort(values);
        for (final double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            final long exact = values[(int) Math.ceil(q * values.length) - 1];
            final long estimate = h.percentileNanos(q);
            assertTrue(Math.abs(estimate - exact) <= 0.07 * exact, q + ": " + estimate + " vs " + exact);
        }
    }

    @Test
    void shouldMapBucketsMonotonicallyAndContiguously() {
        for (int b = 1; b < 319; b++) {
            assertTrue(LatencyHistogram.lowerBoundOf(b) > LatencyHistogram.lowerBoundOf(b - 1));
            assertEquals(b, LatencyHistogram.bucketOf(LatencyHistogram.lowerBoundOf(b)));
            assertEquals(b - 1, LatencyHistogram.bucketOf(LatencyHistogram.lowerBoundOf(b) - 1));
            assertEquals(b, LatencyHistogram.bucketOf(LatencyHistogram.middleOf(b)));
        }
    }

    @Test
    void shouldMergeCountsWhenAdded() {
        final LatencyHistogram a = new LatencyHistogram();
        final LatencyHistogram b = new LatencyHistogram();
        a.recordNanos(1_000_000);
        b.recordNanos(100_000_000);
        b.recordNanos(-1);
        a.add(b);
        assertEquals(2, a.count());
        assertTrue(a.percentileNanos(1.0) > 90_000_000);
        a.reset();
        assertEquals(0, a.count());
    }
}
