package io.helixagent.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distinct-key estimate stays within its documented error, counts each key once, and forgets old periods. */
class DistinctCounterTest {
    /** Three standard errors of a 1,024-register HyperLogLog: 3 x 1.04 / 32. */
    private static final double THREE_SIGMA = 3 * 1.04 / Math.sqrt(DistinctCounter.REGISTERS);

    @Test
    void shouldEstimateWithinThreeStandardErrorsWhenCountingSequentialKeys() {
        for (final int n : new int[] {10, 100, 1_000, 5_000, 20_000, 100_000, 1_000_000}) {
            final DistinctCounter counter = new DistinctCounter();
            for (int i = 0; i < n; i++) {
                counter.add(Integer.hashCode(i));
            }
            assertWithinError(n, counter.estimate());
        }
    }

    @Test
    void shouldEstimateWithinThreeStandardErrorsWhenCountingStringKeys() {
        final SplittableRandom random = new SplittableRandom(42);
        for (final int n : new int[] {300, 3_000, 30_000, 300_000}) {
            final DistinctCounter counter = new DistinctCounter();
            final long base = random.nextLong();
            for (int i = 0; i < n; i++) {
                counter.add(("user:" + (base + i)).hashCode());
            }
            assertWithinError(n, counter.estimate());
        }
    }

    @Test
    void shouldKeepTheMeanErrorNearZeroOverManySketches() {
        final SplittableRandom random = new SplittableRandom(7);
        double sumOfRelativeErrors = 0;
        final int sketches = 50;
        for (int s = 0; s < sketches; s++) {
            final DistinctCounter counter = new DistinctCounter();
            for (int i = 0; i < 50_000; i++) {
                counter.add(random.nextInt());
            }
            sumOfRelativeErrors += (counter.estimate() - 50_000) / 50_000.0;
        }
        assertTrue(Math.abs(sumOfRelativeErrors / sketches) < 0.01, "bias " + sumOfRelativeErrors / sketches);
    }

    @Test
    void shouldCountRepeatedKeysOnce() {
        final DistinctCounter counter = new DistinctCounter();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < 2_000; i++) {
                counter.add(Integer.hashCode(i));
            }
        }
        assertWithinError(2_000, counter.estimate());
    }

    @Test
    void shouldForgetKeysAfterTwoRotations() {
        final DistinctCounter counter = new DistinctCounter();
        assertEquals(0, counter.estimate());
        for (int i = 0; i < 1_000; i++) {
            counter.add(Integer.hashCode(i));
        }
        counter.rotate();
        for (int i = 1_000; i < 1_500; i++) {
            counter.add(Integer.hashCode(i));
        }
        assertWithinError(1_500, counter.estimate());
        counter.rotate();
        assertWithinError(500, counter.estimate());
        counter.rotate();
        assertEquals(0, counter.estimate());
    }

    private static void assertWithinError(final long expected, final long estimate) {
        final double error = Math.abs(estimate - expected) / (double) expected;
        assertTrue(error <= THREE_SIGMA, "estimated " + estimate + " for " + expected + " keys: error " + error);
    }
}
