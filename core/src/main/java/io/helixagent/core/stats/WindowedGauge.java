package io.helixagent.core.stats;

import java.util.Arrays;

/** One sampled value per slot of a {@link SlidingWindow}: mean, max and latest over the newest slots. */
public final class WindowedGauge {
    private final SlidingWindow window;
    private final double[] values;
    private double latest = Double.NaN;

    /** @param window the window whose slots this gauge follows. */
    public WindowedGauge(final SlidingWindow window) {
        this.window = window;
        this.values = new double[window.slots()];
        Arrays.fill(values, Double.NaN);
    }

    /** Sets the current slot's sample. */
    public void set(final double value) {
        values[window.current()] = value;
        latest = value;
    }

    /** Raises the current slot's value to {@code value} if it is larger (a maximum per slot). */
    public void raise(final double value) {
        final int slot = window.current();
        if (Double.isNaN(values[slot]) || value > values[slot]) {
            values[slot] = value;
        }
        latest = value;
    }

    /** @return the latest sample, NaN before the first. */
    public double latest() {
        return latest;
    }

    /** @return how many of the newest {@code n} slots hold a sample. */
    public int samples(final int n) {
        int count = 0;
        for (int back = 0; back < Math.min(n, window.slots()); back++) {
            if (!Double.isNaN(values[window.slotBefore(back)])) {
                count++;
            }
        }
        return count;
    }

    /** @return the mean of the samples in the newest {@code n} slots, NaN when none. */
    public double mean(final int n) {
        double sum = 0;
        int count = 0;
        for (int back = 0; back < Math.min(n, window.slots()); back++) {
            final double v = values[window.slotBefore(back)];
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** @return the largest sample in the newest {@code n} slots, NaN when none. */
    public double max(final int n) {
        double max = Double.NaN;
        for (int back = 0; back < Math.min(n, window.slots()); back++) {
            final double v = values[window.slotBefore(back)];
            if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return max;
    }

    /** @return the oldest sample among the newest {@code n} slots, NaN when none. */
    public double oldest(final int n) {
        for (int back = Math.min(n, window.slots()) - 1; back >= 0; back--) {
            final double v = values[window.slotBefore(back)];
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    /**
     * Copies the samples of the newest {@code n} slots, oldest first, skipping slots without a sample.
     *
     * @param out receives the samples; at least {@code n} long.
     * @return how many were copied.
     */
    public int series(final int n, final double[] out) {
        int count = 0;
        for (int back = Math.min(n, window.filled()) - 1; back >= 0; back--) {
            final double v = values[window.slotBefore(back)];
            if (!Double.isNaN(v)) {
                out[count++] = v;
            }
        }
        return count;
    }

    /** Clears the current slot; call after {@link SlidingWindow#rotate()}. */
    public void clearCurrent() {
        values[window.current()] = Double.NaN;
    }
}
