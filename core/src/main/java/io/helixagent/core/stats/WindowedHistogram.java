package io.helixagent.core.stats;

/**
 * A {@link LatencyHistogram} per slot of a {@link SlidingWindow}, allocated on first use, merged on read.
 */
public final class WindowedHistogram {
    private final SlidingWindow window;
    private final LatencyHistogram[] slots;
    private final LatencyHistogram merged = new LatencyHistogram();

    /** @param window the window whose slots this histogram follows. */
    public WindowedHistogram(final SlidingWindow window) {
        this.window = window;
        this.slots = new LatencyHistogram[window.slots()];
    }

    /** Records a duration into the current slot. */
    public void recordNanos(final long nanos) {
        LatencyHistogram h = slots[window.current()];
        if (h == null) {
            h = new LatencyHistogram();
            slots[window.current()] = h;
        }
        h.recordNanos(nanos);
    }

    /**
     * @return the newest {@code n} slots merged; a shared instance, valid until the next call.
     */
    public LatencyHistogram merged(final int n) {
        merged.reset();
        for (int back = 0; back < Math.min(n, window.slots()); back++) {
            final LatencyHistogram h = slots[window.slotBefore(back)];
            if (h != null) {
                merged.add(h);
            }
        }
        return merged;
    }

    /** Clears the current slot; call after {@link SlidingWindow#rotate()}. */
    public void clearCurrent() {
        final LatencyHistogram h = slots[window.current()];
        if (h != null) {
            h.reset();
        }
    }
}
