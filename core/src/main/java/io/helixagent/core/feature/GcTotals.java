package io.helixagent.core.feature;

/** Collection pauses and the live set after collections, as the JFR stream reports them. */
final class GcTotals {
    private long collections;
    private long pauseTotalNanos;
    private long longestPauseNanos;
    private long heapAfterLastGcBytes = -1;

    void onCollection(final long sumOfPausesNanos, final long longestNanos) {
        collections++;
        pauseTotalNanos += Math.max(0, sumOfPausesNanos);
        longestPauseNanos = Math.max(longestPauseNanos, longestNanos);
    }

    void onHeapAfterGc(final long usedBytes) {
        heapAfterLastGcBytes = usedBytes;
    }

    long collections() {
        return collections;
    }

    long pauseTotalNanos() {
        return pauseTotalNanos;
    }

    long longestPauseNanos() {
        return longestPauseNanos;
    }

    /** @return heap used after the latest collection seen by JFR, or -1 before the first. */
    long heapAfterLastGcBytes() {
        return heapAfterLastGcBytes;
    }
}
