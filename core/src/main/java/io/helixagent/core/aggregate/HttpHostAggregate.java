package io.helixagent.core.aggregate;

import io.helixagent.core.record.Outcome;
import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.stats.WindowedHistogram;

/**
 * What the pipeline knows about outbound HTTP calls to one host ({@code scheme://host:port}), per one-second
 * slot: call times, timeouts by phase, and the first call, which pays for name resolution and connection
 * set-up. Owned by the pipeline thread; {@link #published()} is the one view other threads may read.
 */
public final class HttpHostAggregate {
    private final int id;
    private final String name;
    private final SlidingWindow window;
    private final WindowedCount calls;
    private final WindowedCount connectTimeouts;
    private final WindowedCount readTimeouts;
    private final WindowedCount errors;
    private final WindowedHistogram callNanos;
    private final WindowedGauge firstCallNanos;
    private long firstCall = -1;
    private long callNanosTotal;
    private int clients;
    private volatile Published published = new Published(0, 0, 0, 0);

    /**
     * @param id    the host's id.
     * @param name  {@code scheme://host:port}.
     * @param slots seconds of history to keep.
     */
    public HttpHostAggregate(final int id, final String name, final int slots) {
        this.id = id;
        this.name = name;
        this.window = new SlidingWindow(slots);
        this.calls = new WindowedCount(window);
        this.connectTimeouts = new WindowedCount(window);
        this.readTimeouts = new WindowedCount(window);
        this.errors = new WindowedCount(window);
        this.callNanos = new WindowedHistogram(window);
        this.firstCallNanos = new WindowedGauge(window);
    }

    /**
     * A call ended; timed-out calls count with the time the caller waited. The first call of each client library
     * to the host is kept apart from the others' times: each client has its own connections, so its first call
     * pays for connection set-up (and, in a fresh JVM, for loading the client), and is judged on its own.
     *
     * @param outcome an {@link Outcome} code.
     * @param nanos   the call's time.
     * @param client  the client library's bit, see {@code HttpFeature}.
     */
    public void onCall(final int outcome, final long nanos, final int client) {
        calls.add(1);
        if (outcome == Outcome.CONNECT_TIMEOUT) {
            connectTimeouts.add(1);
        } else if (outcome == Outcome.READ_TIMEOUT) {
            readTimeouts.add(1);
        } else if (outcome != Outcome.OK) {
            errors.add(1);
        }
        callNanosTotal += Math.max(0, nanos);
        if ((clients & client) == 0) {
            clients |= client;
            firstCall = Math.max(firstCall, nanos);
            firstCallNanos.set(Math.max(nanos, nanOrZero(firstCallNanos.max(1))));
        } else {
            callNanos.recordNanos(nanos);
        }
    }

    private static double nanOrZero(final double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** Starts the next slot, after publishing the totals the metrics read. */
    public void rotate() {
        published = new Published(calls.total(), callNanosTotal, connectTimeouts.total(), readTimeouts.total());
        window.rotate();
        calls.clearCurrent();
        connectTimeouts.clearCurrent();
        readTimeouts.clearCurrent();
        errors.clearCurrent();
        callNanos.clearCurrent();
        firstCallNanos.clearCurrent();
    }

    /** @return the host's id. */
    public int id() {
        return id;
    }

    /** @return {@code scheme://host:port}. */
    public String name() {
        return name;
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    public WindowedCount calls() {
        return calls;
    }

    public WindowedCount connectTimeouts() {
        return connectTimeouts;
    }

    public WindowedCount readTimeouts() {
        return readTimeouts;
    }

    public WindowedCount errors() {
        return errors;
    }

    /** @return the times of every call but each client's first. */
    public WindowedHistogram callNanos() {
        return callNanos;
    }

    /**
     * @return the slowest first call of a client, present only in the slot it ended in: a window read says
     *     whether it is recent.
     */
    public WindowedGauge firstCallNanos() {
        return firstCallNanos;
    }

    /** @return the slowest first call of a client so far, or -1 before any call. */
    public long firstCall() {
        return firstCall;
    }

    /** @return the bits of the client libraries seen calling this host. */
    public int clients() {
        return clients;
    }

    /** @return the totals as of the last completed slot; safe from any thread. */
    public Published published() {
        return published;
    }

    /**
     * A host's totals for readers on other threads, replaced at every tick.
     *
     * @param callsTotal           calls so far.
     * @param callNanosTotal       their summed time.
     * @param connectTimeoutsTotal calls that timed out connecting.
     * @param readTimeoutsTotal    calls that timed out waiting for the response.
     */
    public record Published(long callsTotal, long callNanosTotal, long connectTimeoutsTotal,
                            long readTimeoutsTotal) {
    }
}
