package io.helixagent.core.aggregate;

import io.helixagent.core.record.Outcome;
import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.stats.WindowedHistogram;
import io.helixagent.core.subject.Subject;
import java.util.List;

/**
 * What the pipeline knows about one connection pool (a HikariCP pool, an HttpClient 5 connection manager):
 * acquisitions and releases from the probes, gauges and settings from the sampler, per one-second slot. Owned
 * by the pipeline thread; {@link #published()} is the one view other threads (metrics) may read.
 */
public final class ConnectionPoolAggregate {
    private final Subject subject;
    private final SlidingWindow window;
    private final WindowedCount acquired;
    private final WindowedCount timeouts;
    private final WindowedCount failures;
    private final WindowedCount released;
    private final WindowedHistogram waitNanos;
    private final WindowedHistogram holdNanos;
    private final WindowedGauge active;
    private final WindowedGauge idle;
    private final WindowedGauge pending;
    private final WindowedGauge total;
    private final WindowedGauge max;
    private long waitNanosTotal;
    private long holdNanosTotal;
    private PoolSettings settings = PoolSettings.UNKNOWN;
    private List<RouteStats> routes = List.of();
    /** Per slot: the route with the most callers waiting at that sample, or null. */
    private final RouteStats[] busiestRoutes;
    private boolean closed;
    private volatile Published published = Published.NONE;

    /**
     * @param subject the pool.
     * @param slots   seconds of history to keep.
     */
    public ConnectionPoolAggregate(final Subject subject, final int slots) {
        this.subject = subject;
        this.window = new SlidingWindow(slots);
        this.acquired = new WindowedCount(window);
        this.timeouts = new WindowedCount(window);
        this.failures = new WindowedCount(window);
        this.released = new WindowedCount(window);
        this.waitNanos = new WindowedHistogram(window);
        this.holdNanos = new WindowedHistogram(window);
        this.active = new WindowedGauge(window);
        this.idle = new WindowedGauge(window);
        this.pending = new WindowedGauge(window);
        this.total = new WindowedGauge(window);
        this.max = new WindowedGauge(window);
        this.busiestRoutes = new RouteStats[slots];
    }

    /**
     * A caller got a connection or gave up; every attempt's wait is recorded, since a caller that timed out
     * waited too.
     *
     * @param outcome   an {@link Outcome} code.
     * @param waitNanos how long the caller waited.
     */
    public void onAcquired(final int outcome, final long waitNanos) {
        if (outcome == Outcome.OK) {
            acquired.add(1);
        } else if (outcome == Outcome.TIMEOUT) {
            timeouts.add(1);
        } else {
            failures.add(1);
        }
        this.waitNanos.recordNanos(waitNanos);
        waitNanosTotal += Math.max(0, waitNanos);
    }

    /** A connection went back after being held {@code heldNanos}. */
    public void onReleased(final long heldNanos) {
        released.add(1);
        holdNanos.recordNanos(heldNanos);
        holdNanosTotal += Math.max(0, heldNanos);
    }

    /**
     * Records the pool's gauges for the current slot.
     *
     * @param activeConnections connections handed out (HikariCP active, HttpClient leased).
     * @param idleConnections   open connections not in use (idle, available).
     * @param waiting           callers waiting for a connection (threads awaiting, pending leases).
     * @param totalConnections  open connections.
     * @param maxConnections    the pool's limit (maximumPoolSize, maxTotal).
     */
    public void onSample(final int activeConnections, final int idleConnections, final int waiting,
                         final int totalConnections, final int maxConnections) {
        active.set(activeConnections);
        idle.set(idleConnections);
        pending.set(waiting);
        total.set(totalConnections);
        max.set(maxConnections);
    }

    /** Records the pool's settings as last read. */
    public void onSettings(final PoolSettings poolSettings) {
        settings = poolSettings;
    }

    /**
     * Records the latest per-route figures (HttpClient pools), busiest first; an empty list for pools without
     * routes.
     */
    public void onRoutes(final List<RouteStats> routeStats) {
        routes = List.copyOf(routeStats);
        busiestRoutes[window.current()] = routes.isEmpty() ? null : routes.get(0);
    }

    /** The pool was closed: its figures describe a pool that no longer hands out connections. */
    public void onClosed() {
        closed = true;
    }

    /** Starts the next slot, after publishing the totals the metrics read. */
    public void rotate() {
        published = new Published(active.latest(), idle.latest(), pending.latest(), total.latest(), max.latest(),
            acquired.total() + timeouts.total() + failures.total(), waitNanosTotal, timeouts.total(),
            released.total(), holdNanosTotal);
        window.rotate();
        acquired.clearCurrent();
        timeouts.clearCurrent();
        failures.clearCurrent();
        released.clearCurrent();
        waitNanos.clearCurrent();
        holdNanos.clearCurrent();
        active.clearCurrent();
        idle.clearCurrent();
        pending.clearCurrent();
        total.clearCurrent();
        max.clearCurrent();
        busiestRoutes[window.current()] = null;
    }

    public Subject subject() {
        return subject;
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    /** @return connections handed out. */
    public WindowedCount acquired() {
        return acquired;
    }

    /** @return callers that gave up waiting. */
    public WindowedCount timeouts() {
        return timeouts;
    }

    /** @return acquisitions that failed otherwise. */
    public WindowedCount failures() {
        return failures;
    }

    /** @return connections given back. */
    public WindowedCount released() {
        return released;
    }

    /** @return how long callers waited, whatever the outcome. */
    public WindowedHistogram waitNanos() {
        return waitNanos;
    }

    /** @return how long connections were held, from hand-out to return. */
    public WindowedHistogram holdNanos() {
        return holdNanos;
    }

    public WindowedGauge active() {
        return active;
    }

    public WindowedGauge idle() {
        return idle;
    }

    public WindowedGauge pending() {
        return pending;
    }

    public WindowedGauge total() {
        return total;
    }

    public WindowedGauge max() {
        return max;
    }

    public PoolSettings settings() {
        return settings;
    }

    public List<RouteStats> routes() {
        return routes;
    }

    /**
     * @return the route with the most callers waiting (then the most connections leased) in the newest
     *     {@code n} slots, the newest on a tie; null when no route was sampled. A window read, because the
     *     latest sample may come after the load has passed.
     */
    public RouteStats busiestRoute(final int n) {
        RouteStats busiest = null;
        for (int back = 0; back < Math.min(n, busiestRoutes.length); back++) {
            final RouteStats r = busiestRoutes[window.slotBefore(back)];
            if (r != null && (busiest == null || r.pending() > busiest.pending()
                || r.pending() == busiest.pending() && r.leased() > busiest.leased())) {
                busiest = r;
            }
        }
        return busiest;
    }

    /** @return true once the pool has been closed. */
    public boolean isClosed() {
        return closed;
    }

    /** @return the totals as of the last completed slot; safe from any thread. */
    public Published published() {
        return published;
    }

    /**
     * A pool's figures for readers on other threads, replaced at every tick.
     *
     * @param active        latest connections in use.
     * @param idle          latest idle connections.
     * @param pending       latest waiting callers.
     * @param total         latest open connections.
     * @param max           latest limit.
     * @param attemptsTotal acquisition attempts so far.
     * @param waitNanosTotal their summed wait.
     * @param timeoutsTotal attempts that timed out.
     * @param releasedTotal connections given back.
     * @param holdNanosTotal their summed hold time.
     */
    public record Published(double active, double idle, double pending, double total, double max,
                            long attemptsTotal, long waitNanosTotal, long timeoutsTotal, long releasedTotal,
                            long holdNanosTotal) {
        static final Published NONE = new Published(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            0, 0, 0, 0, 0);
    }
}
