package io.helixagent.core.detect;

import io.helixagent.core.detect.EventBusBackpressureDetector.PublisherFigures;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.feature.EventFeature.SubscriberFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@code eventbus.backpressure}, kept in one place: the guide's section 5 (increase the buffer size,
 * reduce the publish timeout, publish asynchronously, check subscriber performance) made concrete for the
 * library in use, with the publisher's own numbers.
 */
final class EventBusBackpressureTexts {
    /** Seconds of publishing a suggested buffer absorbs. */
    private static final int BURST_SECONDS = 10;
    /** Subscribers named in the recommendation about slow subscribers, at most. */
    private static final int NAMED_SUBSCRIBERS = 3;
    /** Handling time (p99) below which a subscriber other than the slowest is not worth naming. */
    private static final long NAMED_MIN_NANOS = 1_000_000L;
    /** A blocked share below this rounds to 0% and is not mentioned. */
    private static final double VISIBLE_RATIO = 0.005;

    private EventBusBackpressureTexts() {
    }

    static String title(final PublisherFigures f) {
        return label(f) + (f.droppedPerSec() > 0 ? " drops events" : " is backed up");
    }

    static String summary(final PublisherFigures f) {
        final StringBuilder s = new StringBuilder(label(f)).append(": ")
            .append(Numbers.plain(f.publishedPerSec())).append(" events/s published");
        if (f.droppedPerSec() > 0) {
            s.append(", ").append(Numbers.plain(f.droppedPerSec())).append(" events/s dropped (")
                .append(f.droppedTotal()).append(" so far)");
        }
        if (f.blockedRatio() >= VISIBLE_RATIO) {
            s.append(", publishers blocked ").append(Numbers.percent(f.blockedRatio())).append(" of the time");
        }
        if (f.lagRatio() >= 0) {
            s.append(", slowest subscriber ").append(f.maxLag()).append(" events behind with a buffer of ")
                .append(f.capacity());
        }
        if (!f.slowest().isEmpty()) {
            final SubscriberFigures slowest = f.slowest().get(0);
            s.append("; slowest subscriber ").append(slowest.name()).append(" takes ")
                .append(Numbers.plain(Numbers.millis(slowest.p99Nanos()))).append(" ms (p99)");
        }
        return s.append('.').toString();
    }

    static List<String> recommendations(final PublisherFigures f) {
        final List<String> r = new ArrayList<>();
        if (f.droppedPerSec() > 0) {
            r.add(stopLosing(f));
        }
        final String buffer = buffer(f);
        if (buffer != null) {
            r.add(buffer);
        }
        final String timeout = timeout(f);
        if (timeout != null) {
            r.add(timeout);
        }
        if (EventFeature.KIND_EVENTBUS.equals(f.kind()) && f.blockedRatio() >= VISIBLE_RATIO) {
            r.add("Publish asynchronously: posting threads spend " + Numbers.percent(f.blockedRatio())
                + " of their time inside post(), because an EventBus runs every subscriber on the posting thread; "
                + "use new AsyncEventBus(\"" + f.name() + "\", executor) with about " + threadsNeeded(f)
                + " threads (events/s x mean handling time) so that posting returns at once.");
        }
        if (!f.slowest().isEmpty()) {
            r.add(slowSubscribers(f));
        }
        if (f.deadPerSec() > 0) {
            r.add("Check what is posted: " + Numbers.plain(f.deadPerSec()) + " events/s find no subscriber "
                + "(DeadEvent); register the subscriber they are meant for, or stop posting them.");
        }
        return r;
    }

    private static String stopLosing(final PublisherFigures f) {
        final String how = switch (f.kind()) {
            case EventFeature.KIND_FLOW -> "offer() found a subscriber's buffer full and dropped the item "
                + "(its onDrop handler, if any, did not make room)";
            case EventFeature.KIND_DISRUPTOR -> "tryPublishEvent()/tryNext() found no free slot in the ring and "
                + "failed (InsufficientCapacityException or false)";
            default -> "the bus's executor rejected the dispatch (RejectedExecutionException out of post())";
        };
        return "Stop losing events: " + Numbers.plain(f.droppedPerSec()) + " events/s are dropped (" + f.droppedTotal()
            + " so far) because " + how + "; subscribers miss these events.";
    }

    private static String buffer(final PublisherFigures f) {
        if (f.capacity() <= 0 || (f.droppedPerSec() == 0 && f.lagRatio() < 0)) {
            return null;
        }
        final long suggested = nextPowerOfTwo(Math.max(f.capacity() * 2,
            (long) Math.ceil(f.publishedPerSec() * BURST_SECONDS)));
        final String setting = EventFeature.KIND_FLOW.equals(f.kind())
            ? "maxBufferCapacity (new SubmissionPublisher<>(executor, maxBufferCapacity))"
            : "the ring size (bufferSize of new Disruptor<>(factory, bufferSize, ...), a power of two)";
        final SubscriberFigures slowest = f.slowest().isEmpty() ? null : f.slowest().get(0);
        final String keepUp = slowest != null && slowest.handledPerSec() < f.publishedPerSec() * 0.95
            ? " Only if subscribers keep up on average: the slowest handles " + Numbers.plain(slowest.handledPerSec())
                + " of " + Numbers.plain(f.publishedPerSec()) + " events/s, so a bigger buffer only delays the drops."
            : " A bigger buffer absorbs bursts; it cannot make up for subscribers that are slower on average.";
        return "Increase the buffer size: " + setting + " is " + f.capacity() + "; " + suggested + " holds "
            + BURST_SECONDS + " s of publishing at " + Numbers.plain(f.publishedPerSec()) + " events/s." + keepUp;
    }

    private static String timeout(final PublisherFigures f) {
        final long waitMs = f.slowest().isEmpty() ? 0
            : Math.max(1, (long) Math.ceil(Numbers.millis(f.slowest().get(0).p99Nanos())));
        if (EventFeature.KIND_FLOW.equals(f.kind()) && (f.droppedPerSec() > 0 || f.blockedRatio() > 0)) {
            return "Bound the publish wait: use offer(item, " + (waitMs > 0 ? waitMs : 10) + ", MILLISECONDS, onDrop)"
                + (waitMs > 0 ? ", about the slowest subscriber's p99 handling time," : "")
                + " instead of submit() (waits without limit) or offer(item, onDrop) (drops at once); onDrop can "
                + "count, log or retry the item.";
        }
        if (EventFeature.KIND_DISRUPTOR.equals(f.kind()) && f.droppedPerSec() > 0) {
            return "Choose between waiting and losing: publishEvent() waits for a free slot where losing events is "
                + "worse than a slower publisher; keep tryPublishEvent() only where the publisher must never wait, "
                + "and count what it drops.";
        }
        return null;
    }

    private static String slowSubscribers(final PublisherFigures f) {
        final StringBuilder s = new StringBuilder("Speed up the slowest subscribers: ");
        for (int i = 0; i < Math.min(NAMED_SUBSCRIBERS, f.slowest().size()); i++) {
            final SubscriberFigures sub = f.slowest().get(i);
            if (i > 0 && sub.p99Nanos() < NAMED_MIN_NANOS) {
                break;
            }
            s.append(i == 0 ? "" : "; ").append(sub.name()).append(" takes ")
                .append(Numbers.plain(Numbers.millis(sub.p99Nanos()))).append(" ms (p99, ")
                .append(Numbers.plain(Numbers.millis(sub.p50Nanos()))).append(" ms median) at ")
                .append(Numbers.plain(sub.handledPerSec())).append(" events/s");
        }
        return s.append(". Move slow work (I/O, remote calls, locks) out of the handler: hand it to an executor of "
            + "its own or batch it, so the handler returns quickly.").toString();
    }

    private static String label(final PublisherFigures f) {
        return switch (f.kind()) {
            case EventFeature.KIND_FLOW -> "Publisher " + f.name();
            case EventFeature.KIND_DISRUPTOR -> "Disruptor ring " + f.name();
            default -> "Event bus " + f.name();
        };
    }

    private static long threadsNeeded(final PublisherFigures f) {
        double busy = 0;
        for (final SubscriberFigures s : f.slowest()) {
            busy += s.handledPerSec() * s.meanNanos() / 1e9;
        }
        return Math.max(2, (long) Math.ceil(busy * 1.25));
    }

    private static long nextPowerOfTwo(final long n) {
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }
}
