package io.helixagent.core.feature;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.aggregate.SubscriberAggregate;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.metrics.PublisherMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.sample.PublisherSampler;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.IntHashSet;

/**
 * In-process event publishers: Guava {@code EventBus} and {@code AsyncEventBus}, the JDK's
 * {@code SubmissionPublisher}, LMAX Disruptor rings. Publish, drop, dead-event and handling records from the
 * probes; buffer gauges sampled from the live publishers each tick; meters for each publisher and subscriber.
 * <p>
 * A Flow subscriber's {@code onNext} runs where the probe cannot see its publisher, so its handling records carry
 * only the subscriber; they are charged to the publishers that subscriber's class subscribed to (each of them,
 * when one class subscribes to several).
 */
public final class EventFeature implements Feature {
    /** Guava {@code EventBus}: subscribers run on the posting thread. */
    public static final String KIND_EVENTBUS = "eventbus";
    /** Guava {@code AsyncEventBus}: subscribers run on its executor. */
    public static final String KIND_ASYNC_EVENTBUS = "async-eventbus";
    /** {@code java.util.concurrent.SubmissionPublisher}. */
    public static final String KIND_FLOW = "flow";
    /** An LMAX Disruptor ring, watched through its {@code Sequencer}. */
    public static final String KIND_DISRUPTOR = "disruptor";
    /** A subscriber: a listener method (Guava) or a subscriber class (Flow). */
    public static final String KIND_SUBSCRIBER = "event-subscriber";
    private static final List<String> PUBLISHER_KINDS = List.of(KIND_EVENTBUS, KIND_ASYNC_EVENTBUS, KIND_FLOW,
        KIND_DISRUPTOR);
    private static final int REPORT_WINDOW_SECONDS = 10;
    private static final int REPORTED_SUBSCRIBERS = 3;

    private final SubjectRegistry subjects;
    private final MeterRegistry meters;
    private final PublisherSampler sampler = new PublisherSampler();
    private final Int2ObjectHashMap<PublisherAggregate> publishers = new Int2ObjectHashMap<>();
    /** Per subscriber subject: the publishers it subscribed to, for records that cannot name them. */
    private final Int2ObjectHashMap<IntHashSet> subscriptions = new Int2ObjectHashMap<>();
    private final Map<PublisherAggregate, PublisherMeters> bound = new IdentityHashMap<>();
    private int historySeconds = 10;

    /**
     * @param subjects where probes register publishers and subscribers.
     * @param meters   where the publishers' meters go.
     */
    public EventFeature(final SubjectRegistry subjects, final MeterRegistry meters) {
        this.subjects = subjects;
        this.meters = meters;
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return the aggregates of the publishers seen so far and still alive. */
    public Collection<PublisherAggregate> publishers() {
        return publishers.values();
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.EVENT_PUBLISHED, RecordType.EVENT_DROPPED, RecordType.EVENT_HANDLED,
            RecordType.EVENT_DEAD, RecordType.EVENT_SUBSCRIBED};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final int subject = RecordLayout.subject(buffer, index);
        if (type == RecordType.EVENT_HANDLED) {
            onHandled(subject, RecordLayout.aux(buffer, index), RecordLayout.a(buffer, index));
            return;
        }
        final PublisherAggregate publisher = publisher(subject);
        if (publisher == null) {
            return;
        }
        switch (type) {
            case RecordType.EVENT_PUBLISHED -> publisher.onPublished(RecordLayout.a(buffer, index),
                RecordLayout.b(buffer, index));
            case RecordType.EVENT_DROPPED -> publisher.onDropped(RecordLayout.a(buffer, index));
            case RecordType.EVENT_DEAD -> publisher.onDead();
            default -> onSubscribed(publisher, RecordLayout.aux(buffer, index));
        }
    }

    private void onSubscribed(final PublisherAggregate publisher, final int subscriberId) {
        final Subject key = subjects.get(subscriberId);
        if (key == null) {
            return;
        }
        IntHashSet targets = subscriptions.get(subscriberId);
        if (targets == null) {
            targets = new IntHashSet();
            subscriptions.put(subscriberId, targets);
        }
        targets.add(publisher.subject().id());
        subscriber(publisher, key);
    }

    private void onHandled(final int publisherId, final int subscriberId, final long nanos) {
        final Subject key = subjects.get(subscriberId);
        if (key == null) {
            return;
        }
        if (publisherId != SubjectRegistry.UNKNOWN) {
            final PublisherAggregate publisher = publisher(publisherId);
            if (publisher != null) {
                subscriber(publisher, key).onHandled(nanos);
            }
            return;
        }
        final IntHashSet targets = subscriptions.get(subscriberId);
        if (targets == null) {
            return;
        }
        for (final IntHashSet.IntIterator it = targets.iterator(); it.hasNext(); ) {
            final PublisherAggregate publisher = publishers.get(it.nextValue());
            if (publisher != null) {
                subscriber(publisher, key).onHandled(nanos);
            }
        }
    }

    private PublisherAggregate publisher(final int subjectId) {
        PublisherAggregate publisher = publishers.get(subjectId);
        if (publisher == null) {
            final Subject subject = subjects.get(subjectId);
            if (subject == null || !PUBLISHER_KINDS.contains(subject.kind())) {
                return null;
            }
            publisher = new PublisherAggregate(subject, historySeconds);
            publishers.put(subjectId, publisher);
            bound.put(publisher, new PublisherMeters(meters, publisher));
        }
        return publisher;
    }

    private SubscriberAggregate subscriber(final PublisherAggregate publisher, final Subject key) {
        final int before = publisher.subscribers().size();
        final SubscriberAggregate subscriber = publisher.subscriber(key);
        if (publisher.subscribers().size() != before) {
            bound.get(publisher).subscriber(subscriber);
        }
        return subscriber;
    }

    @Override
    public void onTick(final long nowMillis) {
        publishers.values().removeIf(p -> {
            if (p.subject().get() != null) {
                p.expungeSubscribers();
                return false;
            }
            bound.remove(p).close();
            return true;
        });
        subscriptions.keySet().removeIf(id -> subjects.get(id) == null);
        for (final String kind : PUBLISHER_KINDS) {
            for (final Subject subject : subjects.live(kind)) {
                final Object target = subject.get();
                final PublisherAggregate aggregate = publisher(subject.id());
                if (target != null && aggregate != null && !aggregate.isClosed()) {
                    sampler.sample(target, aggregate);
                }
            }
        }
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final PublisherAggregate publisher : publishers.values()) {
            parts.subject(snapshot(publisher));
            final String series = publisher.subject().kind() + ":" + publisher.subject().displayName() + ":";
            parts.point(series + "publishedPerSec", "events/s", publisher.published().sum(1));
            parts.point(series + "droppedPerSec", "events/s", publisher.dropped().sum(1));
            if (!Double.isNaN(publisher.lag().latest())) {
                parts.point(series + "lag", "events", publisher.lag().latest());
            }
        }
    }

    @Override
    public void afterTick() {
        for (final PublisherAggregate publisher : publishers.values()) {
            publisher.rotate();
        }
    }

    /** @return the subscribers of {@code publisher}, slowest p99 handling time first, over {@code seconds}. */
    public static List<SubscriberFigures> slowestSubscribers(final PublisherAggregate publisher, final int seconds) {
        final List<SubscriberFigures> figures = new ArrayList<>();
        for (final SubscriberAggregate s : publisher.subscribers()) {
            final long handled = s.handled().sum(seconds);
            if (handled > 0) {
                final LatencyHistogram h = s.handleNanos().merged(seconds);
                figures.add(new SubscriberFigures(s.name(), handled / (double) seconds, h.percentileNanos(0.5),
                    h.percentileNanos(0.99), h.meanNanos()));
            }
        }
        figures.sort(Comparator.comparingLong(SubscriberFigures::p99Nanos).reversed()
            .thenComparing(SubscriberFigures::name));
        return figures;
    }

    /**
     * One subscriber's figures over a window.
     *
     * @param name         {@code Class.method} of the subscriber.
     * @param handledPerSec events it handled per second.
     * @param p50Nanos     median handling time.
     * @param p99Nanos     99th percentile handling time.
     * @param meanNanos    mean handling time.
     */
    public record SubscriberFigures(String name, double handledPerSec, long p50Nanos, long p99Nanos,
                                    double meanNanos) {
        /** @return the figures as a report map, units in the keys. */
        public Map<String, Object> toMap() {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("subscriber", name);
            m.put("handledPerSec", Numbers.round1(handledPerSec));
            m.put("handleP50Ms", Numbers.millis(p50Nanos));
            m.put("handleP99Ms", Numbers.millis(p99Nanos));
            return m;
        }
    }

    private static SubjectSnapshot snapshot(final PublisherAggregate p) {
        final int seconds = Math.max(1, Math.min(REPORT_WINDOW_SECONDS, p.filledSeconds()));
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.subject().type());
        m.put("publishedPerSec", Numbers.round1(p.published().sum(seconds) / (double) seconds));
        m.put("publishedTotal", p.published().total());
        m.put("droppedPerSec", Numbers.round1(p.dropped().sum(seconds) / (double) seconds));
        m.put("droppedTotal", p.dropped().total());
        m.put("deadEventsTotal", p.dead().total());
        m.put("blockedRatio", Numbers.round3(p.blockedNanos().sum(seconds) / (seconds * 1e9)));
        putGauge(m, "bufferCapacity", p.capacity().latest());
        putGauge(m, "maxLag", p.lag().latest());
        putGauge(m, "subscribers", p.subscriberCount().latest());
        m.put("closed", p.isClosed());
        final List<Map<String, Object>> slowest = new ArrayList<>();
        for (final SubscriberFigures s : slowestSubscribers(p, seconds)) {
            if (slowest.size() < REPORTED_SUBSCRIBERS) {
                slowest.add(s.toMap());
            }
        }
        m.put("slowestSubscribers", slowest);
        return new SubjectSnapshot(p.subject().kind(), p.subject().describe(), p.subject().creationSite(), m);
    }

    private static void putGauge(final Map<String, Object> m, final String key, final double value) {
        if (!Double.isNaN(value)) {
            m.put(key, (long) value);
        }
    }
}
