package io.helixagent.core.stats;

import java.util.Arrays;

/**
 * Is a series of counts rising? The Mann-Kendall test with Sen's slope, for samples taken once per tick.
 *
 * <h2>Why this test</h2>
 * A least-squares slope is pulled by one jump: a listener set that fills at start-up and then stays flat has a
 * positive regression slope for as long as the jump is in the window. Mann-Kendall only counts, over every pair
 * of samples, whether the later one is higher ({@code S} = rises - falls), and tests {@code S} against its
 * variance under "no trend" with the usual correction for ties, so it is robust to outliers and to the
 * distribution of the counts. Sen's slope, the median of the pairwise slopes, says how fast the series rises: a
 * series that jumps once and stays flat has a median slope of zero, whatever the size of the jump.
 * <p>
 * Cost: O(n^2) comparisons and one scratch array of n(n-1)/2 slopes, reused between calls; the pipeline thread
 * runs it once per tick per candidate with n of at most a few hundred. Single-threaded.
 */
public final class TrendTest {
    private double[] slopes = new double[0];
    private double[] sorted = new double[0];

    /**
     * The verdict on one series.
     *
     * @param samples       the number of samples tested.
     * @param z             the Mann-Kendall statistic, normalised: above 2.33 is a rising trend at the 1% level.
     * @param slopePerSample Sen's slope: the median rise per sample.
     */
    public record Trend(int samples, double z, double slopePerSample) {
    }

    /**
     * @param series the samples, oldest first.
     * @param n      how many of them to test.
     * @return the trend; z and slope are 0 with fewer than 3 samples.
     */
    public Trend of(final double[] series, final int n) {
        if (n < 3) {
            return new Trend(n, 0, 0);
        }
        final int pairs = n * (n - 1) / 2;
        if (slopes.length < pairs) {
            slopes = new double[pairs];
        }
        long s = 0;
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                final double d = series[j] - series[i];
                s += d > 0 ? 1 : d < 0 ? -1 : 0;
                slopes[k++] = d / (j - i);
            }
        }
        Arrays.sort(slopes, 0, pairs);
        final double median = pairs % 2 == 1 ? slopes[pairs / 2] : (slopes[pairs / 2 - 1] + slopes[pairs / 2]) / 2;
        final double variance = (n * (n - 1.0) * (2 * n + 5) - tieCorrection(series, n)) / 18.0;
        final double z = variance <= 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
        return new Trend(n, z, median);
    }

    /** @return the sum of t(t-1)(2t+5) over groups of t equal samples. */
    private double tieCorrection(final double[] series, final int n) {
        if (sorted.length < n) {
            sorted = new double[n];
        }
        System.arraycopy(series, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);
        double correction = 0;
        int run = 1;
        for (int i = 1; i <= n; i++) {
            if (i < n && sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                correction += run * (run - 1.0) * (2 * run + 5);
                run = 1;
            }
        }
        return correction;
    }
}
