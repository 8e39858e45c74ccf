package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;

/** The agent's own throughput per tick: records produced and dropped, and how full the buffer was. */
public final class PipelineAggregate {
    private final SlidingWindow window;
    private final WindowedCount produced;
    private final WindowedCount dropped;
    private final WindowedGauge fillRatio;
    private long lastProduced;
    private long lastDropped;

    /** @param slots seconds of history. */
    public PipelineAggregate(final int slots) {
        this.window = new SlidingWindow(slots);
        this.produced = new WindowedCount(window);
        this.dropped = new WindowedCount(window);
        this.fillRatio = new WindowedGauge(window);
    }

    /** Records the counters' totals at this tick; the aggregate keeps the differences. */
    public void onSample(final long producedTotal, final long droppedTotal, final double bufferFillRatio) {
        produced.add(producedTotal - lastProduced);
        dropped.add(droppedTotal - lastDropped);
        lastProduced = producedTotal;
        lastDropped = droppedTotal;
        fillRatio.set(bufferFillRatio);
    }

    /** Starts the next slot. */
    public void rotate() {
        window.rotate();
        produced.clearCurrent();
        dropped.clearCurrent();
        fillRatio.clearCurrent();
    }

    public int slots() {
        return window.slots();
    }

    public int filledSeconds() {
        return window.filled();
    }

    public WindowedCount produced() {
        return produced;
    }

    public WindowedCount dropped() {
        return dropped;
    }

    public WindowedGauge fillRatio() {
        return fillRatio;
    }
}
