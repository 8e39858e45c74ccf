package io.helixagent.core.metrics;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.aggregate.SubscriberAggregate;
import io.helixagent.core.subject.RegistrationSite;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Meters of event publishers, their subscribers and listener registrations, function-backed over the
 * aggregates' volatile totals: read at scrape time, nothing added to the probes. Names follow Micrometer's
 * conventions (dotted, lowercase, outcomes as tags); in Prometheus text {@code events.dropped} is the guide's
 * {@code events_dropped} ({@code events_dropped_total}).
 */
public final class EventMeters {
    private EventMeters() {
    }

    /** @return the meters of one publisher, tagged with its name, kind and creation site. */
    public static List<Meter> bindPublisher(final MeterRegistry registry, final PublisherAggregate p) {
        final Tags tags = publisherTags(p);
        return List.of(
            FunctionCounter.builder("events.published", p, PublisherAggregate::publishedTotal).tags(tags)
                .description("events published: post, submit and offer calls, or ring slots claimed")
                .register(registry),
            FunctionCounter.builder("events.dropped", p, PublisherAggregate::droppedTotal).tags(tags)
                .description("events dropped: offer drops, failed tryPublish/tryNext, dispatches rejected")
                .register(registry),
            FunctionCounter.builder("events.dead", p, PublisherAggregate::deadTotal).tags(tags)
                .description("events posted with no subscriber for them (Guava DeadEvent)")
                .register(registry),
            FunctionCounter.builder("events.publish.blocked", p, a -> a.blockedNanosTotal() / 1e9).tags(tags)
                .baseUnit("seconds")
                .description("time publishers spent in publish calls of 1 ms or more")
                .register(registry),
            Gauge.builder("events.buffer.capacity", p, PublisherAggregate::latestCapacity).tags(tags)
                .description("events the buffer holds per subscriber (SubmissionPublisher, Disruptor ring)")
                .register(registry),
            Gauge.builder("events.lag", p, PublisherAggregate::latestLag).tags(tags)
                .description("events published and not yet handled by the slowest subscriber")
                .register(registry),
            Gauge.builder("events.subscribers", p, PublisherAggregate::latestSubscribers).tags(tags)
                .description("subscribers of the publisher")
                .register(registry));
    }

    /** @return the handling timer of one subscriber of {@code p}. */
    public static Meter bindSubscriber(final MeterRegistry registry, final PublisherAggregate p,
                                       final SubscriberAggregate s) {
        return FunctionTimer.builder("events.subscriber.handling", s, SubscriberAggregate::handledTotal,
                SubscriberAggregate::handleNanosTotal, TimeUnit.NANOSECONDS)
            .tags(publisherTags(p).and("subscriber", s.name()))
            .description("events a subscriber handled and the time it took")
            .register(registry);
    }

    /** @return the gauge of live registrations made by one site. */
    public static Meter bindListeners(final MeterRegistry registry, final RegistrationSite site) {
        return Gauge.builder("listeners.registered", site, RegistrationSite::live)
            .tags(Tags.of("container", site.container(), "site", site.site()))
            .description("listeners registered by this code and not removed")
            .register(registry);
    }

    private static Tags publisherTags(final PublisherAggregate p) {
        return Tags.of("publisher", p.subject().displayName(), "kind", p.subject().kind(), "created.at",
            p.subject().creationSite());
    }
}
