package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.subject.Subject;
import java.util.Collection;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * What the pipeline knows about one event publisher (a Guava {@code EventBus}, a {@code SubmissionPublisher}, a
 * Disruptor ring): publish calls, drops, time publishers were blocked, dead events, buffer gauges, and each
 * subscriber's handling times. Owned by the pipeline thread; the totals that meters read are volatile.
 */
public final class PublisherAggregate {
    /**
     * A publish call that takes at least this long counts as blocked: far above the microseconds a call costs
     * when subscribers keep up, far below the waits a full buffer or a slow synchronous subscriber causes.
     */
    public static final long BLOCKED_MIN_NANOS = 1_000_000L;

    private final Subject subject;
    private final SlidingWindow window;
    private final WindowedCount published;
    private final WindowedCount dropped;
    private final WindowedCount blockedNanos;
    private final WindowedCount dead;
    private final WindowedGauge capacity;
    private final WindowedGauge lag;
    private final WindowedGauge subscriberCount;
    private final Int2ObjectHashMap<SubscriberAggregate> subscribers = new Int2ObjectHashMap<>();
    private long lastCursor = Long.MIN_VALUE;
    private boolean closed;
    private volatile long publishedTotal;
    private volatile long droppedTotal;
    private volatile long deadTotal;
    private volatile long blockedNanosTotal;
    private volatile double latestCapacity = Double.NaN;
    private volatile double latestLag = Double.NaN;
    private volatile double latestSubscribers = Double.NaN;

    /**
     * @param subject the publisher.
     * @param slots   seconds of history to keep.
     */
    public PublisherAggregate(final Subject subject, final int slots) {
        this.subject = subject;
        this.window = new SlidingWindow(slots);
        this.published = new WindowedCount(window);
        this.dropped = new WindowedCount(window);
        this.blockedNanos = new WindowedCount(window);
        this.dead = new WindowedCount(window);
        this.capacity = new WindowedGauge(window);
        this.lag = new WindowedGauge(window);
        this.subscriberCount = new WindowedGauge(window);
    }

    /** A publish call returned after {@code nanos}, having dropped {@code drops} events. */
    public void onPublished(final long nanos, final long drops) {
        published.add(1);
        publishedTotal = published.total();
        if (nanos >= BLOCKED_MIN_NANOS) {
            blockedNanos.add(nanos);
            blockedNanosTotal = blockedNanos.total();
        }
        if (drops > 0) {
            onDropped(drops);
        }
    }

    /** The publisher lost {@code events}. */
    public void onDropped(final long events) {
        dropped.add(events);
        droppedTotal = dropped.total();
    }

    /**
     * An event found no subscriber. Guava then posts a {@code DeadEvent} through the same {@code post}, which is
     * not an event the application published: it is taken off the publish count again.
     */
    public void onDead() {
        dead.add(1);
        deadTotal = dead.total();
        published.add(-1);
        publishedTotal = published.total();
    }

    /**
     * Records a ring's position: the events claimed since the previous sample are its publish count, as a ring
     * publishes without a call worth timing.
     */
    public void onCursor(final long cursor) {
        if (lastCursor != Long.MIN_VALUE && cursor > lastCursor) {
            published.add(cursor - lastCursor);
            publishedTotal = published.total();
        }
        lastCursor = cursor;
    }

    /**
     * Records the buffer gauges for the current slot.
     *
     * @param bufferCapacity events the buffer holds per subscriber, or -1 when unknown.
     * @param maxLag         events published and not yet handled by the slowest subscriber, or -1 when unknown.
     * @param count          subscribers, or -1 when unknown.
     */
    public void onSample(final long bufferCapacity, final long maxLag, final int count) {
        if (bufferCapacity >= 0) {
            capacity.set(bufferCapacity);
            latestCapacity = bufferCapacity;
        }
        if (maxLag >= 0) {
            lag.set(maxLag);
            latestLag = maxLag;
        }
        if (count >= 0) {
            subscriberCount.set(count);
            latestSubscribers = count;
        }
    }

    /** The publisher was closed: it takes no more events and is no longer judged. */
    public void onClosed() {
        closed = true;
    }

    /** @return true once closed. */
    public boolean isClosed() {
        return closed;
    }

    /** @return the aggregate of subscriber {@code key}, created on first use. */
    public SubscriberAggregate subscriber(final Subject key) {
        SubscriberAggregate s = subscribers.get(key.id());
        if (s == null) {
            s = new SubscriberAggregate(key, window);
            subscribers.put(key.id(), s);
        }
        return s;
    }

    /** @return the subscribers seen so far. */
    public Collection<SubscriberAggregate> subscribers() {
        return subscribers.values();
    }

    /** Forgets subscribers whose class was unloaded. */
    public void expungeSubscribers() {
        subscribers.values().removeIf(s -> s.key().get() == null);
    }

    /** Starts the next slot. */
    public void rotate() {
        window.rotate();
        published.clearCurrent();
        dropped.clearCurrent();
        blockedNanos.clearCurrent();
        dead.clearCurrent();
        capacity.clearCurrent();
        lag.clearCurrent();
        subscriberCount.clearCurrent();
        for (final SubscriberAggregate s : subscribers.values()) {
            s.clearCurrent();
        }
    }

    public Subject subject() {
        return subject;
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    public WindowedCount published() {
        return published;
    }

    public WindowedCount dropped() {
        return dropped;
    }

    public WindowedCount blockedNanos() {
        return blockedNanos;
    }

    public WindowedCount dead() {
        return dead;
    }

    public WindowedGauge capacity() {
        return capacity;
    }

    public WindowedGauge lag() {
        return lag;
    }

    public WindowedGauge subscriberCount() {
        return subscriberCount;
    }

    /** @return events published so far; any thread. */
    public long publishedTotal() {
        return publishedTotal;
    }

    /** @return events dropped so far; any thread. */
    public long droppedTotal() {
        return droppedTotal;
    }

    /** @return events without a subscriber so far; any thread. */
    public long deadTotal() {
        return deadTotal;
    }

    /** @return the latest buffer capacity, NaN when unknown; any thread. */
    public double latestCapacity() {
        return latestCapacity;
    }

    /** @return the latest lag of the slowest subscriber, NaN when unknown; any thread. */
    public double latestLag() {
        return latestLag;
    }

    /** @return the latest number of subscribers, NaN when unknown; any thread. */
    public double latestSubscribers() {
        return latestSubscribers;
    }

    /** @return nanoseconds publishers spent blocked so far; any thread. */
    public long blockedNanosTotal() {
        return blockedNanosTotal;
    }
}
