package io.helixagent.core.aggregate;

/**
 * The recent fan-outs of one call site: for each, when it finished, how many members it had, the slowest and
 * the median member's time, and which member was slowest. A ring of the last {@link #CAPACITY} fan-outs;
 * detectors read those within their window. Owned by the pipeline thread.
 */
public final class FanoutAggregate {
    /** Fan-outs remembered per call site. */
    public static final int CAPACITY = 256;

    private final String site;
    private final long[] atMillis = new long[CAPACITY];
    private final long[] slowestNanos = new long[CAPACITY];
    private final long[] medianNanos = new long[CAPACITY];
    private final int[] members = new int[CAPACITY];
    private final int[] slowestIndex = new int[CAPACITY];
    private long count;

    /** @param site the call site, {@code Class.method(File.java:line) [invokeAll]}. */
    public FanoutAggregate(final String site) {
        this.site = site;
    }

    /** Records one fan-out that finished at {@code nowMillis}. */
    public void onFanout(final long nowMillis, final int memberCount, final int slowest, final long slowestTimeNanos,
                         final long medianTimeNanos) {
        final int i = (int) (count % CAPACITY);
        atMillis[i] = nowMillis;
        members[i] = memberCount;
        slowestIndex[i] = slowest;
        slowestNanos[i] = slowestTimeNanos;
        medianNanos[i] = medianTimeNanos;
        count++;
    }

    public String site() {
        return site;
    }

    /** @return fan-outs recorded since start. */
    public long total() {
        return count;
    }

    /** @return how many of the remembered fan-outs finished at or after {@code sinceMillis}, newest first. */
    public int countSince(final long sinceMillis) {
        int n = 0;
        while (n < Math.min(count, CAPACITY) && atMillis[index(n)] >= sinceMillis) {
            n++;
        }
        return n;
    }

    /** @return the ring index of the fan-out {@code back} places before the newest. */
    private int index(final int back) {
        return (int) ((count - 1 - back) % CAPACITY);
    }

    public int members(final int back) {
        return members[index(back)];
    }

    public int slowestIndex(final int back) {
        return slowestIndex[index(back)];
    }

    public long slowestNanos(final int back) {
        return slowestNanos[index(back)];
    }

    public long medianNanos(final int back) {
        return medianNanos[index(back)];
    }
}
