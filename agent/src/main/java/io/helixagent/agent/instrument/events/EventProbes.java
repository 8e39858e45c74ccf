package io.helixagent.agent.instrument.events;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.lang.reflect.Method;
import java.util.concurrent.SubmissionPublisher;

/**
 * What the event-publisher probes do, on host threads, for every library: Guava's {@code EventBus}, the JDK's
 * {@code SubmissionPublisher} and LMAX Disruptor rings.
 *
 * <h2>Subjects</h2>
 * Publishers are registered once, at construction (or at their first event after a dynamic attach), with a kind
 * found from their class: the only place that looks at a class name, off the hot path. A subscriber is
 * identified by what names it without holding events: the listener {@code Method} for Guava, the subscriber's
 * class for Flow ({@code Class.onNext}). Both are shared by every instance of a listener class, so a listener
 * registered per request does not multiply subjects.
 *
 * <h2>Cost</h2>
 * Counting probes (a drop, a dead event): one lock-free registry look-up and one ring record. Timed probes (a
 * publish call, a handled event): the same plus a second {@code System.nanoTime()}; the first was read by the
 * advice. No allocation after a publisher's and a subscriber's first event.
 */
public final class EventProbes {
    /** Guava's package: its factories and dispatchers are never a publisher's creator. */
    public static final String GUAVA = "com.google.common.eventbus.";
    /** Disruptor's package: its factories ({@code RingBuffer.create}, {@code new Disruptor}) are not the creator. */
    public static final String DISRUPTOR = "com.lmax.disruptor.";
    private static final String GUAVA_EVENTBUS = GUAVA + "EventBus";
    private static final String GUAVA_ASYNC_EVENTBUS = GUAVA + "AsyncEventBus";

    private final RecordRing ring;
    private final SubjectRegistry subjects;

    /**
     * @param ring     where records go.
     * @param subjects where publishers and subscribers are registered.
     */
    public EventProbes(final RecordRing ring, final SubjectRegistry subjects) {
        this.ring = ring;
        this.subjects = subjects;
    }

    public void created(final Object publisher, final String name) {
        if (subjects.find(publisher) == null) {
            final String kind = kindOf(publisher);
            nameIt(subjects.register(publisher, kind, CreationSite.of(publisher, libraryOf(kind))), name);
        }
    }

    public void published(final Object publisher, final long startNanos, final int result) {
        final long nanos = System.nanoTime() - startNanos;
        final Subject subject = subjectOf(publisher);
        if (subject != null) {
            ring.publish(RecordType.EVENT_PUBLISHED, subject.id(), 0, nanos, result < 0 ? -(long) result : 0);
        }
    }

    public void dropped(final Object publisher, final int events) {
        final Subject subject = subjectOf(publisher);
        if (subject != null) {
            ring.publish(RecordType.EVENT_DROPPED, subject.id(), 0, events, 0);
        }
    }

    public void handled(final Object publisher, final Object handler, final long startNanos) {
        final long nanos = System.nanoTime() - startNanos;
        final Subject key = subscriberOf(handler);
        if (key == null) {
            return;
        }
        final Subject subject = publisher == null ? null : subjectOf(publisher);
        ring.publish(RecordType.EVENT_HANDLED, subject == null ? SubjectRegistry.UNKNOWN : subject.id(), key.id(),
            nanos, 0);
    }

    public void dead(final Object publisher) {
        final Subject subject = subjectOf(publisher);
        if (subject != null) {
            ring.publish(RecordType.EVENT_DEAD, subject.id(), 0, 0, 0);
        }
    }

    public void subscribed(final Object publisher, final Object subscriber) {
        if (subscriber == null) {
            return;
        }
        final Subject subject = subjectOf(publisher);
        final Subject key = subscriberOf(subscriber);
        if (subject != null && key != null) {
            ring.publish(RecordType.EVENT_SUBSCRIBED, subject.id(), key.id(), 0, 0);
        }
    }

    /** Publishers created before a dynamic attach are registered on their first probe event. */
    private Subject subjectOf(final Object publisher) {
        final Subject known = subjects.find(publisher);
        if (known != null) {
            return known;
        }
        final Subject subject = subjects.register(publisher, kindOf(publisher), CreationSite.BEFORE_ATTACH);
        nameIt(subject, null);
        return subject;
    }

    /** @return the subscriber's subject: its listener method (Guava) or its class (Flow). */
    private Subject subscriberOf(final Object handler) {
        final Object key = handler instanceof Method ? handler : handler.getClass();
        final Subject known = subjects.find(key);
        if (known != null) {
            return known;
        }
        final String name = handler instanceof Method method
            ? method.getDeclaringClass().getName() + "." + method.getName()
            : handler.getClass().getName() + ".onNext";
        final Subject subject = subjects.register(key, EventFeature.KIND_SUBSCRIBER, name);
        if (subject != null) {
            subject.nameIfAbsent(name);
        }
        return subject;
    }

    private static void nameIt(final Subject subject, final String name) {
        if (subject != null) {
            subject.nameIfAbsent(name != null ? name
                : EventFeature.KIND_DISRUPTOR.equals(subject.kind()) ? "RingBuffer#" + subject.id() : null);
        }
    }

    /** @return the package whose frames are the library building a publisher of {@code kind}, not its creator. */
    private static String libraryOf(final String kind) {
        return switch (kind) {
            case EventFeature.KIND_DISRUPTOR -> DISRUPTOR;
            case EventFeature.KIND_FLOW -> null;
            default -> GUAVA;
        };
    }

    /** @return the publisher's kind, from its class: an unknown class is taken for a Disruptor sequencer. */
    static String kindOf(final Object publisher) {
        if (publisher instanceof SubmissionPublisher) {
            return EventFeature.KIND_FLOW;
        }
        for (Class<?> c = publisher.getClass(); c != null; c = c.getSuperclass()) {
            if (GUAVA_ASYNC_EVENTBUS.equals(c.getName())) {
                return EventFeature.KIND_ASYNC_EVENTBUS;
            }
            if (GUAVA_EVENTBUS.equals(c.getName())) {
                return EventFeature.KIND_EVENTBUS;
            }
        }
        return EventFeature.KIND_DISRUPTOR;
    }
}
