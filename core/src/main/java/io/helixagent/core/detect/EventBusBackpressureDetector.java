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

    static final ConfigKey WINDOW = ConfigKey.duration(P + "window", "10s",
        "how far back the signals look (1s to 60s)");
    static final ConfigKey DROPPED_INFO = ConfigKey.decimal(P + "dropped.info", "0.05",
        "events dropped per second at which INFO starts");
    static final ConfigKey DROPPED_WARNING = ConfigKey.decimal(P + "dropped.warning", "0.1",
        "events dropped per second at which WARNING starts (one drop in a 10 s window)");
    static final ConfigKey DROPPED_CRITICAL = ConfigKey.decimal(P + "dropped.critical", "1",
        "events dropped per second at which CRITICAL starts");
    static final ConfigKey BLOCKED_INFO = ConfigKey.ratio(P + "blocked.info", "0.1",
        "share of time publishers spend in publish calls of 1 ms or more at which INFO starts");
    static final ConfigKey BLOCKED_WARNING = ConfigKey.ratio(P + "blocked.warning", "0.25",
        "share of time publishers spend blocked at which WARNING starts");
    static final ConfigKey BLOCKED_CRITICAL = ConfigKey.ratio(P + "blocked.critical", "0.5",
        "share of time publishers spend blocked at which CRITICAL starts");
    static final ConfigKey LAG_INFO = ConfigKey.ratio(P + "lag.info", "0.5",
        "mean backlog of the slowest subscriber / buffer capacity at which INFO starts");
    static final ConfigKey LAG_WARNING = ConfigKey.ratio(P + "lag.warning", "0.8",
        "mean backlog / buffer capacity at which WARNING starts");
    static final ConfigKey LAG_CRITICAL = ConfigKey.ratio(P + "lag.critical", "0.95",
        "mean backlog / buffer capacity at which CRITICAL starts");
    static final ConfigKey MIN_SAMPLES = ConfigKey.integer(P + "min.samples", "3", 1, 60,
        "seconds of history needed before the backlog and the blocked share are judged");

    private static final List<ConfigKey> PARAMETERS = List.of(WINDOW, DROPPED_INFO, DROPPED_WARNING,
        DROPPED_CRITICAL, BLOCKED_INFO, BLOCKED_WARNING, BLOCKED_CRITICAL, LAG_INFO, LAG_WARNING, LAG_CRITICAL,
        MIN_SAMPLES);
    private static final int EVIDENCE_SUBSCRIBERS = 5;

    private int windowSeconds = 10;
    private double[] droppedLimits;
    private double[] blockedLimits;
    private double[] lagLimits;
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
        windowSeconds = (int) Math.max(1, Math.min(60, config.duration(WINDOW).toSeconds()));
        droppedLimits = new double[] {config.decimal(DROPPED_INFO), config.decimal(DROPPED_WARNING),
            config.decimal(DROPPED_CRITICAL)};
        blockedLimits = new double[] {config.ratio(BLOCKED_INFO), config.ratio(BLOCKED_WARNING),
            config.ratio(BLOCKED_CRITICAL)};
        lagLimits = new double[] {config.ratio(LAG_INFO), config.ratio(LAG_WARNING), config.ratio(LAG_CRITICAL)};
        minSamples = config.integer(MIN_SAMPLES);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        final EventFeature events = context.feature(EventFeature.class);
        if (events == null) {
            return;
        }
        for (final PublisherAggregate publisher : events.publishers()) {
            final Evaluation evaluation = evaluate(publisher);
            if (evaluation != null) {
                out.add(evaluation);
            }
        }
    }

    Evaluation evaluate(final PublisherAggregate publisher) {
        if (publisher.isClosed()) {
            return null;
        }
        final int seconds = Math.min(windowSeconds, publisher.filledSeconds());
        final PublisherFigures f = figures(publisher, seconds, publisher.lag().samples(seconds) >= minSamples);
        final double blockedScore = seconds >= minSamples
            ? Score.of(f.blockedRatio(), blockedLimits[0], blockedLimits[1], blockedLimits[2]) : 0;
        final double score = Math.max(Score.of(f.droppedPerSec(), droppedLimits[0], droppedLimits[1],
            droppedLimits[2]), Math.max(blockedScore, Score.of(f.lagRatio(), lagLimits[0], lagLimits[1],
            lagLimits[2])));
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
