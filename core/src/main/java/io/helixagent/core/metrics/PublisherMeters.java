package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.aggregate.SubscriberAggregate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * One event publisher's meters, tagged {@code name} (the EventBus identifier, or {@code SubmissionPublisher#n},
 * {@code RingBuffer#n}), {@code kind} and {@code created.at}: {@code events.published}, {@code events.dropped}
 * (in Prometheus text {@code events_dropped_total}, the guide's {@code events_dropped}), {@code events.dead},
 * {@code events.publish.blocked} (seconds), the gauges {@code events.buffer.capacity}, {@code events.lag} and
 * {@code events.subscribers}, and per subscriber the function timer {@code events.subscriber.handling} (tag
 * {@code subscriber}, {@code Class.method}). All read the aggregate's volatile totals when scraped. {@link #close}
 * removes them when the publisher goes away.
 */
public final class PublisherMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();

    /**
     * Binds the meters of {@code publisher}.
     *
     * @param registry  where to register.
     * @param publisher the publisher's aggregate.
     */
    public PublisherMeters(final MeterRegistry registry, final PublisherAggregate publisher) {
        this.registry = registry;
        this.tags = Tags.of("name", publisher.subject().displayName(), "kind", publisher.subject().kind(),
            "created.at", publisher.subject().creationSite());
        counter("events.published", "Events published: post, submit and offer calls, or ring slots claimed", null,
            publisher, PublisherAggregate::publishedTotal);
        counter("events.dropped", "Events dropped: offer drops, failed tryPublish/tryNext, rejected dispatches", null,
            publisher, PublisherAggregate::droppedTotal);
        counter("events.dead", "Events posted with no subscriber for them (Guava DeadEvent)", null, publisher,
            PublisherAggregate::deadTotal);
        counter("events.publish.blocked", "Time publishers spent in publish calls of 1 ms or more", "seconds",
            publisher, p -> p.blockedNanosTotal() / 1e9);
        gauge("events.buffer.capacity", "Events the buffer holds per subscriber", publisher,
            PublisherAggregate::latestCapacity);
        gauge("events.lag", "Events published and not yet handled by the slowest subscriber", publisher,
            PublisherAggregate::latestLag);
        gauge("events.subscribers", "Subscribers of the publisher", publisher, PublisherAggregate::latestSubscribers);
    }

    /** Binds the handling timer of one more subscriber. */
    public void subscriber(final SubscriberAggregate subscriber) {
        meters.add(FunctionTimer.builder("events.subscriber.handling", subscriber, SubscriberAggregate::handledTotal,
                SubscriberAggregate::handleNanosTotal, TimeUnit.NANOSECONDS)
            .description("Events a subscriber handled and the time it took").tags(tags.and("subscriber",
                subscriber.name()))
            .register(registry));
    }

    private void counter(final String name, final String description, final String unit,
                         final PublisherAggregate publisher, final ToDoubleFunction<PublisherAggregate> total) {
        meters.add(FunctionCounter.builder(name, publisher, total).description(description).baseUnit(unit).tags(tags)
            .register(registry));
    }

    private void gauge(final String name, final String description, final PublisherAggregate publisher,
                       final ToDoubleFunction<PublisherAggregate> value) {
        meters.add(Gauge.builder(name, publisher, value).description(description).tags(tags).strongReference(true)
            .register(registry));
    }

    /** Removes the meters. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
