package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.subject.RegistrationSite;

/**
 * One registering site's listeners over time: registrations in place once per tick, and registrations and
 * removals per tick. Owned by the pipeline thread.
 */
public final class ListenerAggregate {
    private final RegistrationSite site;
    private final SlidingWindow window;
    private final WindowedGauge live;
    private final WindowedCount added;
    private final WindowedCount removed;
    private long lastAdded;
    private long lastRemoved;

    /**
     * @param site  the registering code.
     * @param slots seconds of history to keep.
     */
    public ListenerAggregate(final RegistrationSite site, final int slots) {
        this.site = site;
        this.window = new SlidingWindow(slots);
        this.live = new WindowedGauge(window);
        this.added = new WindowedCount(window);
        this.removed = new WindowedCount(window);
        this.lastAdded = site.added();
        this.lastRemoved = site.removed();
    }

    /** Records the site's counters as swept at this tick. */
    public void onSample() {
        live.set(site.live());
        final long a = site.added();
        final long r = site.removed();
        added.add(a - lastAdded);
        removed.add(r - lastRemoved);
        lastAdded = a;
        lastRemoved = r;
    }

    /** Starts the next slot. */
    public void rotate() {
        window.rotate();
        live.clearCurrent();
        added.clearCurrent();
        removed.clearCurrent();
    }

    public RegistrationSite site() {
        return site;
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    public WindowedGauge live() {
        return live;
    }

    public WindowedCount added() {
        return added;
    }

    public WindowedCount removed() {
        return removed;
    }
}
