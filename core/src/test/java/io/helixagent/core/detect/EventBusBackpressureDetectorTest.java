package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the detector through every severity and back with synthetic publisher seconds. */
class EventBusBackpressureDetectorTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private final EventBusBackpressureDetector detector = new EventBusBackpressureDetector();
    private final SubjectRegistry registry = new SubjectRegistry(10, () -> 0L);
    private final Object audit = new Object();
    private final Object metrics = new Object();

    EventBusBackpressureDetectorTest() {
        detector.configure(TestConfigs.of(""));
    }

    private PublisherAggregate publisher(final Object target, final String kind, final String name) {
        final Subject subject = registry.register(target, kind, "com.acme.Prices.start(Prices.java:42)");
        subject.nameIfAbsent(name);
        return new PublisherAggregate(subject, 10);
    }

    private Subject subscriber(final Object key, final String name) {
        final Subject subject = registry.register(key, EventFeature.KIND_SUBSCRIBER, name);
        subject.nameIfAbsent(name);
        return subject;
    }

    /** One second of a Flow publisher: offers, their drops, the backlog, and the subscriber's handling. */
    private Evaluation flowSecond(final PublisherAggregate p, final int offers, final int drops, final long lag) {
        for (int i = 0; i < offers; i++) {
            p.onPublished(2 * US, i < drops ? 1 : 0);
        }
        p.onSample(256, lag, 1);
        for (int i = 0; i < offers - drops; i++) {
            p.subscriber(subscriber(audit, "com.acme.AuditLog.onNext")).onHandled(4 * MS);
        }
        final Evaluation e = detector.evaluate(p);
        p.rotate();
        return e;
    }

    private Evaluation flowSeconds(final PublisherAggregate p, final int n, final int offers, final int drops,
                                   final long lag) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = flowSecond(p, offers, drops, lag);
        }
        return last;
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        final PublisherAggregate p = publisher(new Object(), EventFeature.KIND_FLOW, "prices");
        assertNull(flowSeconds(p, 10, 100, 0, 5), "no drops, a short backlog: healthy");

        assertEquals(Severity.INFO, flowSeconds(p, 10, 100, 0, 150).severity(), "backlog 59% of the buffer");

        final Evaluation warning = flowSeconds(p, 10, 100, 0, 220);
        assertEquals(Severity.WARNING, warning.severity(), warning.toString());
        assertEquals(0.859, (Double) warning.evidence().get("lagRatio"), 1e-3);

        final Evaluation critical = flowSeconds(p, 10, 100, 5, 256);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertEquals(5.0, critical.evidence().get("droppedPerSec"));
        assertEquals("Stop losing events: 5 events/s are dropped (50 so far) because offer() found a subscriber's "
            + "buffer full and dropped the item (its onDrop handler, if any, did not make room); subscribers miss "
            + "these events.", critical.recommendations().get(0));

        assertNull(flowSeconds(p, 10, 100, 0, 3), "a window without drops and a short backlog");
    }

    @Test
    void shouldNameTheSlowestSubscribersWithTheNumbersOfTheEvidence() {
        final PublisherAggregate p = publisher(new Object(), EventFeature.KIND_FLOW, "prices");
        Evaluation e = null;
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 50; i++) {
                p.onPublished(2 * US, i < 30 ? 1 : 0);
                p.subscriber(subscriber(metrics, "com.acme.Metrics.onNext")).onHandled(20 * US);
            }
            for (int i = 0; i < 20; i++) {
                p.subscriber(subscriber(audit, "com.acme.AuditLog.onNext")).onHandled(40 * MS);
            }
            p.onSample(64, 64, 2);
            e = detector.evaluate(p);
            p.rotate();
        }
        assertEquals("prices (created at com.acme.Prices.start(Prices.java:42))", e.subject());
        assertEquals("Publisher prices drops events", e.title());
        final Map<String, Object> ev = e.evidence();
        assertEquals(List.of("kind", "publishedPerSec", "droppedPerSec", "droppedTotal", "blockedRatio",
            "bufferCapacity", "maxLag", "lagRatio", "subscribers", "deadEventsPerSec", "slowestSubscribers",
            "windowSec"), List.copyOf(ev.keySet()));
        final List<?> slowest = (List<?>) ev.get("slowestSubscribers");
        final Map<?, ?> first = (Map<?, ?>) slowest.get(0);
        assertEquals("com.acme.AuditLog.onNext", first.get("subscriber"));
        assertEquals(20.0, first.get("handledPerSec"));
        final double p99 = (Double) first.get("handleP99Ms");
        assertEquals(40, p99, 40 * 0.07);
        assertEquals("com.acme.Metrics.onNext", ((Map<?, ?>) slowest.get(1)).get("subscriber"));
        assertEquals("Publisher prices: 50 events/s published, 30 events/s dropped (150 so far), slowest subscriber "
            + "64 events behind with a buffer of 64; slowest subscriber com.acme.AuditLog.onNext takes "
            + Numbers.plain(p99) + " ms (p99).", e.summary());
        assertTrue(e.recommendations().contains("Increase the buffer size: maxBufferCapacity (new "
            + "SubmissionPublisher<>(executor, maxBufferCapacity)) is 64; 512 holds 10 s of publishing at 50 events/s. "
            + "Only if subscribers keep up on average: the slowest handles 20 of 50 events/s, so a bigger buffer only "
            + "delays the drops."), e.recommendations().toString());
        final long waitMs = (long) Math.ceil(p99);
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Bound the publish wait: use offer(item, "
            + waitMs + ", MILLISECONDS, onDrop)")), e.recommendations().toString());
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Speed up the slowest subscribers: "
            + "com.acme.AuditLog.onNext takes")), e.recommendations().toString());
    }

    @Test
    void shouldRecommendAsyncBusWhenSubscribersHoldThePostingThread() {
        final PublisherAggregate bus = publisher(new Object(), EventFeature.KIND_EVENTBUS, "orders");
        Evaluation e = null;
        for (int second = 0; second < 5; second++) {
            for (int i = 0; i < 10; i++) {
                bus.onPublished(40 * MS, 0);
                bus.subscriber(subscriber(audit, "com.acme.AuditLog.onOrder")).onHandled(40 * MS);
            }
            e = detector.evaluate(bus);
            bus.rotate();
        }
        assertEquals(Severity.WARNING, e.severity(), e.toString());
        assertEquals(0.4, (Double) e.evidence().get("blockedRatio"), 1e-9);
        assertEquals("Event bus orders is backed up", e.title());
        assertTrue(e.recommendations().get(0).startsWith("Publish asynchronously: posting threads spend 40% of their "
            + "time inside post()"), e.recommendations().toString());
        assertTrue(e.recommendations().get(0).contains("new AsyncEventBus(\"orders\", executor) with about 2 threads"),
            e.recommendations().get(0));
    }

    @Test
    void shouldNotJudgeBlockingBeforeMinSamplesButCountDropsAtOnce() {
        final PublisherAggregate bus = publisher(new Object(), EventFeature.KIND_EVENTBUS, "startup");
        bus.onPublished(800 * MS, 0);
        assertNull(detector.evaluate(bus), "one slow first post is not a finding yet");

        final PublisherAggregate ring = publisher(new Object(), EventFeature.KIND_DISRUPTOR, "RingBuffer#3");
        ring.onDropped(5);
        final Evaluation e = detector.evaluate(ring);
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals("Disruptor ring RingBuffer#3 drops events", e.title());
    }

    @Test
    void shouldCountDeadEventsWithoutCountingTheirRepostAsPublished() {
        final PublisherAggregate bus = publisher(new Object(), EventFeature.KIND_EVENTBUS, "orders");
        for (int i = 0; i < 10; i++) {
            bus.onPublished(US, 0);
        }
        bus.onDead();
        bus.onPublished(US, 0);
        assertEquals(10, bus.published().sum(1));
        assertEquals(1, bus.dead().total());
    }

    @Test
    void shouldNotJudgeClosedPublishers() {
        final PublisherAggregate p = publisher(new Object(), EventFeature.KIND_FLOW, "prices");
        flowSeconds(p, 3, 100, 50, 256);
        p.onClosed();
        assertNull(flowSecond(p, 100, 50, 256));
    }

    @Test
    void shouldHonourConfiguredThresholds() {
        detector.configure(TestConfigs.of("detector.eventbus.backpressure.lag.warning=0.9,"
            + "detector.eventbus.backpressure.lag.critical=0.99"));
        final PublisherAggregate p = publisher(new Object(), EventFeature.KIND_FLOW, "prices");
        assertEquals(Severity.INFO, flowSeconds(p, 5, 100, 0, 220).severity());
    }
}
