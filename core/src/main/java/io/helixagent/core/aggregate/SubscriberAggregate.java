package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedHistogram;
import io.helixagent.core.subject.Subject;

/**
 * One subscriber of one publisher: how many events it handled and how long each took. The subscriber is the
 * listener's class and method ({@code com.acme.AuditLog.onOrder}), never an event. Follows its publisher's
 * window; owned by the pipeline thread, totals readable from any thread for meters.
 */
public final class SubscriberAggregate {
    private final Subject key;
    private final WindowedCount handled;
    private final WindowedHistogram handleNanos;
    private volatile long handledTotal;
    private volatile long handleNanosTotal;

    /**
     * @param key    the subscriber: a listener method or a subscriber class, named after it.
     * @param window the publisher's window.
     */
    public SubscriberAggregate(final Subject key, final SlidingWindow window) {
        this.key = key;
        this.handled = new WindowedCount(window);
        this.handleNanos = new WindowedHistogram(window);
    }

    /** The subscriber handled one event in {@code nanos}. */
    public void onHandled(final long nanos) {
        handled.add(1);
        handleNanos.recordNanos(nanos);
        handledTotal = handled.total();
        handleNanosTotal += Math.max(0, nanos);
    }

    /** Starts the next slot; the publisher has rotated the window. */
    void clearCurrent() {
        handled.clearCurrent();
        handleNanos.clearCurrent();
    }

    /** @return the subscriber's subject: {@code name()} is {@code Class.method}. */
    public Subject key() {
        return key;
    }

    /** @return the subscriber's name, {@code Class.method}. */
    public String name() {
        return key.displayName();
    }

    public WindowedCount handled() {
        return handled;
    }

    public WindowedHistogram handleNanos() {
        return handleNanos;
    }

    /** @return events handled so far; any thread. */
    public long handledTotal() {
        return handledTotal;
    }

    /** @return nanoseconds spent handling so far; any thread. */
    public long handleNanosTotal() {
        return handleNanosTotal;
    }
}
