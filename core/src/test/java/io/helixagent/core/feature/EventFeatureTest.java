package io.helixagent.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Records and a live publisher in; aggregates and the meters over them out. */
class EventFeatureTest {
    private static final long MS = 1_000_000L;
    private final RecordRing ring = new RecordRing(1 << 16);
    private final SubjectRegistry subjects = new SubjectRegistry(100, System::currentTimeMillis);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventFeature feature = new EventFeature(subjects, meters);
    private final SubmissionPublisher<String> publisher = new SubmissionPublisher<>(Runnable::run, 32);

    @AfterEach
    void close() {
        publisher.close();
    }

    private void deliver() {
        ring.drain((type, buffer, index, length) -> feature.onRecord(type, buffer, index), 1000);
    }

    @Test
    void shouldChargeFlowSubscriberTimesToThePublisherItSubscribedTo() {
        final Subject prices = subjects.register(publisher, EventFeature.KIND_FLOW, "Prices.start(Prices.java:1)");
        final Subject onNext = subjects.register(String.class, EventFeature.KIND_SUBSCRIBER, "Audit.onNext");
        onNext.nameIfAbsent("com.acme.Audit.onNext");
        ring.publish(RecordType.EVENT_SUBSCRIBED, prices.id(), onNext.id(), 0, 0);
        for (int i = 0; i < 10; i++) {
            ring.publish(RecordType.EVENT_PUBLISHED, prices.id(), 0, 1000, i < 3 ? 1 : 0);
            ring.publish(RecordType.EVENT_HANDLED, SubjectRegistry.UNKNOWN, onNext.id(), 2 * MS, 0);
        }
        deliver();
        feature.onTick(0);

        final PublisherAggregate p = feature.publishers().iterator().next();
        assertEquals(10, p.published().total());
        assertEquals(3, p.dropped().total());
        assertEquals(32, p.capacity().latest(), "sampled from the live publisher");
        assertEquals(0, p.subscriberCount().latest());
        assertEquals(3.0, meters.get("events.dropped").tag("name", "SubmissionPublisher#" + prices.id())
            .tag("kind", "flow").functionCounter().count());
        assertEquals(10.0, meters.get("events.published").functionCounter().count());
        assertEquals(32.0, meters.get("events.buffer.capacity").gauge().value());
        final FunctionTimer handling = meters.get("events.subscriber.handling")
            .tag("subscriber", "com.acme.Audit.onNext").functionTimer();
        assertEquals(10.0, handling.count());
        assertEquals(20.0, handling.totalTime(TimeUnit.MILLISECONDS), 1e-9);
    }

    @Test
    void shouldCountDeadEventsAndRejectedDispatchesOfAGuavaStyleBus() {
        final Object bus = new Object();
        final Subject orders = subjects.register(bus, EventFeature.KIND_EVENTBUS, "Orders.start(Orders.java:1)");
        orders.nameIfAbsent("orders");
        ring.publish(RecordType.EVENT_DEAD, orders.id(), 0, 0, 0);
        ring.publish(RecordType.EVENT_PUBLISHED, orders.id(), 0, 1000, 0);
        ring.publish(RecordType.EVENT_PUBLISHED, orders.id(), 0, 1000, 0);
        ring.publish(RecordType.EVENT_DROPPED, orders.id(), 0, 1, 0);
        deliver();

        assertEquals(1.0, meters.get("events.dead").tag("name", "orders").functionCounter().count());
        assertEquals(1.0, meters.get("events.published").tag("name", "orders").functionCounter().count(),
            "the DeadEvent's own post is not an event the application published");
        assertEquals(1.0, meters.get("events.dropped").tag("name", "orders").functionCounter().count());
    }

    @Test
    void shouldPublishEachSitesLiveListenersAsAGauge() {
        final ListenerRegistry registry = new ListenerRegistry();
        final ListenerFeature listeners = new ListenerFeature(registry, meters);
        final Object kept = new Object();
        registry.added(kept, registry.site(ListenerFeature.CONTAINER_BEANS, "Handler.<init>(Handler.java:3)"));
        listeners.onTick(0);
        assertEquals(1.0, meters.get("listeners.registered").tag("site", "Handler.<init>(Handler.java:3)").gauge()
            .value());
        registry.removed(kept);
        listeners.onTick(1000);
        assertEquals(0.0, meters.get("listeners.registered").gauge().value());
    }
}
