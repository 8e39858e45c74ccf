package io.helixagent.core.detect;

import io.helixagent.core.aggregate.PublisherAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.feature.EventFeature.SubscriberFigures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code eventbus.backpressure}: an in-process event publisher whose subscribers cannot keep up (the guide's
 * section 5, "event bus backpressure": events dropped, subscribers missing events, high {@code events_dropped}).
 * <p>
 * Three signals, each scored on the shared scale, the worst one wins:
 * <ul>
 *   <li>drops per second: {@code offer} drops, failed Disruptor {@code tryPublish*}/{@code tryNext}, dispatches an
 *       {@code AsyncEventBus}'s executor rejected;</li>
 *   <li>blocked share: time spent in publish calls of 1 ms or more per second of wall time ({@code submit} or a
 *       timed {@code offer} waiting for buffer space, a synchronous {@code EventBus.post} held by its
 *       subscribers); above 1 when several threads publish;</li>
 *   <li>lag: the slowest subscriber's backlog against the buffer it has (mean over the window), where a buffer
 *       exists ({@code SubmissionPublisher}, Disruptor rings).</li>
 * </ul>
 * Drops count from the first second; the backlog and the blocked share wait for {@code min.samples} seconds,
 * so that one slow first post (class loading, a cold cache) is not a finding. Subscribers are ranked by their p99
 * handling time and named by class and method; events are never recorded. A closed publisher is no longer judged.
 */
public final class EventBusBackpressureDetector implements Detector {
    /** The detector id. */
    public static final String ID = "eventbus.backpressure";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = WindowSetting.key(P, "10s", "the signals look");
    static final Limits DROPPED = Limits.decimal(P + "dropped", "events dropped per second", "0.05", "0.1", "1");
    static final Limits BLOCKED = Limits.ratio(P + "blocked",
        "share of time publishers spend in publish calls of 1 ms or more", "0.1", "0.25", "0.5");
    static final Limits LAG = Limits.ratio(P + "lag", "mean backlog of the slowest subscriber / buffer capacity",
        "0.5", "0.8", "0.95");
    static final ConfigKey MIN_SAMPLES = ConfigKey.integer(P + "min.samples", "3", 1, 60,
        "seconds of history needed before the backlog and the blocked share are judged");

    private static final List<ConfigKey> PARAMETERS = Stream.of(List.of(WINDOW), DROPPED.keys(), BLOCKED.keys(),
        LAG.keys(), List.of(MIN_SAMPLES)).flatMap(List::stream).toList();
    private static final int EVIDENCE_SUBSCRIBERS = 5;

    private int windowSeconds = 10;
    private Limits.Thresholds droppedLimits;
    private Limits.Thresholds blockedLimits;
    private Limits.Thresholds lagLimits;
    private int minSamples;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<ConfigKey> parameters() {
        return PARAMETERS;
    }

    @Override
    public void configure(final Config config) {
        windowSeconds = WindowSetting.seconds(config, WINDOW);
        droppedLimits = DROPPED.read(config);
        blockedLimits = BLOCKED.read(config);
        lagLimits = LAG.read(config);
        minSamples = config.integer(MIN_SAMPLES);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(EventFeature.class, EventFeature::publishers, this::evaluate, out);
    }

    Evaluation evaluate(final PublisherAggregate publisher) {
        if (publisher.isClosed()) {
            return null;
        }
        final int seconds = Math.min(windowSeconds, publisher.filledSeconds());
        final PublisherFigures f = figures(publisher, seconds, publisher.lag().samples(seconds) >= minSamples);
        final double blockedScore = seconds >= minSamples ? blockedLimits.score(f.blockedRatio()) : 0;
        final double score = Math.max(droppedLimits.score(f.droppedPerSec()),
            Math.max(blockedScore, lagLimits.score(f.lagRatio())));
        if (Severity.of(score) == null) {
            return null;
        }
        return new Evaluation(ID, publisher.subject().kind() + ":" + publisher.subject().id(),
            publisher.subject().describe(), score, EventBusBackpressureTexts.title(f),
            EventBusBackpressureTexts.summary(f), evidence(f, seconds), EventBusBackpressureTexts.recommendations(f));
    }

    private static PublisherFigures figures(final PublisherAggregate p, final int seconds, final boolean lagJudged) {
        final double capacity = p.capacity().latest();
        final double lag = p.lag().mean(seconds);
        final double lagRatio = lagJudged && capacity > 0 && !Double.isNaN(lag) ? Math.min(1, lag / capacity) : -1;
        final double subscribers = p.subscriberCount().latest();
        return new PublisherFigures(p.subject().kind(), p.subject().displayName(),
            p.published().sum(seconds) / (double) seconds, p.dropped().sum(seconds) / (double) seconds,
            p.dropped().total(), p.dead().sum(seconds) / (double) seconds,
            p.blockedNanos().sum(seconds) / (seconds * 1e9), Double.isNaN(capacity) ? -1 : (long) capacity,
            lagRatio, Double.isNaN(p.lag().max(seconds)) ? -1 : (long) p.lag().max(seconds),
            Double.isNaN(subscribers) ? -1 : (int) subscribers, EventFeature.slowestSubscribers(p, seconds));
    }

    private static Map<String, Object> evidence(final PublisherFigures f, final int seconds) {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", f.kind());
        e.put("publishedPerSec", Numbers.round1(f.publishedPerSec()));
        e.put("droppedPerSec", Numbers.round1(f.droppedPerSec()));
        e.put("droppedTotal", f.droppedTotal());
        e.put("blockedRatio", Numbers.round3(f.blockedRatio()));
        if (f.capacity() >= 0) {
            e.put("bufferCapacity", f.capacity());
        }
        if (f.maxLag() >= 0) {
            e.put("maxLag", f.maxLag());
        }
        if (f.lagRatio() >= 0) {
            e.put("lagRatio", Numbers.round3(f.lagRatio()));
        }
        if (f.subscriberCount() >= 0) {
            e.put("subscribers", f.subscriberCount());
        }
        e.put("deadEventsPerSec", Numbers.round1(f.deadPerSec()));
        final List<Map<String, Object>> slowest = new ArrayList<>();
        for (final SubscriberFigures s : f.slowest()) {
            if (slowest.size() < EVIDENCE_SUBSCRIBERS) {
                slowest.add(s.toMap());
            }
        }
        e.put("slowestSubscribers", slowest);
        e.put("windowSec", seconds);
        return e;
    }

    /**
     * One publisher's figures over the window, shared by the evidence and the texts.
     *
     * @param lagRatio mean backlog / capacity, or -1 when there is no buffer or too few samples.
     * @param slowest  subscribers, slowest p99 first.
     */
    record PublisherFigures(String kind, String name, double publishedPerSec, double droppedPerSec,
                            long droppedTotal, double deadPerSec, double blockedRatio, long capacity,
                            double lagRatio, long maxLag, int subscriberCount, List<SubscriberFigures> slowest) {
    }
}
