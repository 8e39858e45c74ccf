package io.helixagent.core.stats;

/**
 * A fixed-size log-linear histogram of durations, for percentiles without storing samples.
 * <p>
 * Values are recorded in units of 1,024 ns (about a microsecond). Each power of two is split into
 * {@value #SUB_BUCKETS} linear buckets, so a bucket is at most 12.5% wide and a percentile read at the
 * bucket's middle is within about 6% of the true value. 320 int counters cover one microsecond to about
 * 26 days in 1,280 bytes. Single-threaded: the pipeline thread owns every histogram.
 */
public final class LatencyHistogram {
    /** Linear buckets per power of two. */
    public static final int SUB_BUCKETS = 8;
    private static final int SUB_BITS = 3;
    private static final int UNIT_SHIFT = 10;
    private static final int BUCKETS = 320;

    private final int[] counts = new int[BUCKETS];
    private long total;

    /** Records one duration; negative values are ignored. */
    public void recordNanos(final long nanos) {
        if (nanos < 0) {
            return;
        }
        counts[bucketOf(nanos >>> UNIT_SHIFT)]++;
        total++;
    }

    /** Adds every count of {@code other} to this histogram. */
    public void add(final LatencyHistogram other) {
        if (other.total == 0) {
            return;
        }
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /** Empties the histogram. */
    public void reset() {
        if (total != 0) {
            java.util.Arrays.fill(counts, 0);
            total = 0;
        }
    }

    /** @return the number of recorded values. */
    public long count() {
        return total;
    }

    /**
     * @param quantile between 0 and 1.
     * @return the value at that quantile in nanoseconds (middle of its bucket), or 0 when empty.
     */
    public long percentileNanos(final double quantile) {
        if (total == 0) {
            return 0;
        }
        final long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return middleOf(i) << UNIT_SHIFT;
            }
        }
        return middleOf(BUCKETS - 1) << UNIT_SHIFT;
    }

    /** @return the mean in nanoseconds, from bucket middles, or 0 when empty. */
    public double meanNanos() {
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                sum += (double) counts[i] * (middleOf(i) << UNIT_SHIFT);
            }
        }
        return sum / total;
    }

    static int bucketOf(final long units) {
        if (units < SUB_BUCKETS) {
            return (int) units;
        }
        final int exponent = 63 - Long.numberOfLeadingZeros(units);
        final int sub = (int) (units >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        final int index = (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
        return Math.min(index, BUCKETS - 1);
    }

    static long lowerBoundOf(final int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        final int exponent = bucket / SUB_BUCKETS + SUB_BITS - 1;
        final int sub = bucket % SUB_BUCKETS;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }

    static long middleOf(final int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        final int exponent = bucket / SUB_BUCKETS + SUB_BITS - 1;
        return lowerBoundOf(bucket) + ((1L << (exponent - SUB_BITS)) >>> 1);
    }
}
