package io.helixagent.core.detect;

import io.helixagent.core.aggregate.HttpHostAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.HttpFeature;
import io.helixagent.core.stats.LatencyHistogram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http.slow}: outbound HTTP calls to one host that time out or are slow (the guide's "Operation timed
 * out", its slow first connection, and "slow external API calls").
 * <p>
 * Three signals per host ({@code scheme://host:port}), each scored on the shared scale, the worst one wins:
 * <ul>
 *   <li>the share of calls that timed out, connecting or waiting for the response;</li>
 *   <li>the p99 call time, once {@code min.calls} calls ended in the window;</li>
 *   <li>a slow first call, while it is in the window: one that took {@code first.slow} or more and over twice
 *       as long as later calls typically do (p50); at most INFO, since it is paid once.</li>
 * </ul>
 * The first call of each client library to a host is left out of the p99 (it pays for name resolution,
 * connection set-up and, in a fresh JVM, loading the client), so that a slow start does not read as a slow
 * service.
 */
public final class HttpSlowDetector implements Detector {
    /** The detector id. */
    public static final String ID = "http.slow";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = ConfigKey.duration(P + "window", "10s",
        "how far back the signals look (1s to 60s)");
    static final ConfigKey TIMEOUTS_INFO = ConfigKey.ratio(P + "timeouts.info", "0.01",
        "share of calls timing out at which INFO starts");
    static final ConfigKey TIMEOUTS_WARNING = ConfigKey.ratio(P + "timeouts.warning", "0.02",
        "share of calls timing out at which WARNING starts");
    static final ConfigKey TIMEOUTS_CRITICAL = ConfigKey.ratio(P + "timeouts.critical", "0.05",
        "share of calls timing out at which CRITICAL starts (one call in 20)");
    static final ConfigKey P99_INFO = ConfigKey.duration(P + "p99.info", "500ms",
        "p99 call time at which INFO starts");
    static final ConfigKey P99_WARNING = ConfigKey.duration(P + "p99.warning", "1s",
        "p99 call time at which WARNING starts");
    static final ConfigKey P99_CRITICAL = ConfigKey.duration(P + "p99.critical", "5s",
        "p99 call time at which CRITICAL starts");
    static final ConfigKey FIRST_SLOW = ConfigKey.duration(P + "first.slow", "1s",
        "time of a client's first call to a host from which a slow first connection is noted (INFO)");
    static final ConfigKey MIN_CALLS = ConfigKey.integer(P + "min.calls", "5", 1, 1_000_000,
        "calls needed in the window, besides each client's first, before the p99 is judged");

    /** A first call counts as slow only if it also took this many times longer than later calls (p50). */
    private static final int FIRST_CALL_FACTOR = 2;

    private static final List<ConfigKey> PARAMETERS = List.of(WINDOW, TIMEOUTS_INFO, TIMEOUTS_WARNING,
        TIMEOUTS_CRITICAL, P99_INFO, P99_WARNING, P99_CRITICAL, FIRST_SLOW, MIN_CALLS);

    private int windowSeconds = 10;
    private Limits.Thresholds timeoutLimits;
    private Limits.Thresholds p99LimitsMs;
    private long firstSlowNanos;
    private int minCalls;

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
        timeoutLimits = new Limits.Thresholds(config.ratio(TIMEOUTS_INFO), config.ratio(TIMEOUTS_WARNING),
            config.ratio(TIMEOUTS_CRITICAL));
        p99LimitsMs = new Limits.Thresholds(config.duration(P99_INFO).toMillis(),
            config.duration(P99_WARNING).toMillis(), config.duration(P99_CRITICAL).toMillis());
        firstSlowNanos = config.duration(FIRST_SLOW).toNanos();
        minCalls = config.integer(MIN_CALLS);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(HttpFeature.class, HttpFeature::hosts, this::evaluate, out);
    }

    Evaluation evaluate(final HttpHostAggregate host) {
        final int seconds = Math.min(windowSeconds, host.filledSeconds());
        final long calls = host.calls().sum(seconds);
        if (calls == 0) {
            return null;
        }
        final HostFigures f = figures(host, seconds, calls);
        final double timeoutScore = timeoutLimits.score(f.timeoutShare());
        final double p99Score = f.timedCalls >= minCalls
            ? p99LimitsMs.score(f.p99Nanos / 1e6) : 0;
        final boolean firstSlow = f.firstCallNanos >= firstSlowNanos
            && (f.timedCalls == 0 || f.firstCallNanos > FIRST_CALL_FACTOR * f.p50Nanos);
        final double firstScore = firstSlow ? Severity.INFO_SCORE : 0;
        final double score = Math.max(timeoutScore, Math.max(p99Score, firstScore));
        if (Severity.of(score) == null) {
            return null;
        }
        return new Evaluation(ID, "host:" + host.id(), host.name(), score, HttpSlowTexts.title(f),
            HttpSlowTexts.summary(f), evidence(f),
            HttpSlowTexts.recommendations(f, Severity.of(p99Score) != null, firstSlow));
    }

    private static HostFigures figures(final HttpHostAggregate host, final int seconds, final long calls) {
        final LatencyHistogram times = host.callNanos().merged(seconds);
        final double first = host.firstCallNanos().max(seconds);
        return new HostFigures(host.name(), HttpFeature.clients(host.clients()), seconds, calls, times.count(),
            host.connectTimeouts().sum(seconds), host.readTimeouts().sum(seconds), host.errors().sum(seconds),
            times.percentileNanos(0.5), times.percentileNanos(0.99), Double.isNaN(first) ? -1 : (long) first);
    }

    private static Map<String, Object> evidence(final HostFigures f) {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("calls", f.calls);
        e.put("callsPerSec", Numbers.round1(f.calls / (double) f.seconds));
        e.put("callP50Ms", Numbers.millis(f.p50Nanos));
        e.put("callP99Ms", Numbers.millis(f.p99Nanos));
        e.put("connectTimeouts", f.connectTimeouts);
        e.put("readTimeouts", f.readTimeouts);
        e.put("timeoutRatio", Numbers.round3(f.timeoutShare()));
        e.put("errors", f.errors);
        if (f.firstCallNanos >= 0) {
            e.put("firstCallMs", Numbers.millis(f.firstCallNanos));
        }
        e.put("clients", f.clients);
        e.put("windowSec", f.seconds);
        return e;
    }

    /**
     * The figures of one host over the window, shared by the evidence and the texts.
     *
     * @param timedCalls     calls whose time is in the p99 (all but each client's first call to the host).
     * @param firstCallNanos the slowest first call of a client while it is in the window, else -1.
     */
    record HostFigures(String host, String clients, int seconds, long calls, long timedCalls, long connectTimeouts,
                       long readTimeouts, long errors, long p50Nanos, long p99Nanos, long firstCallNanos) {
        /** @return calls that timed out. */
        long timeouts() {
            return connectTimeouts + readTimeouts;
        }

        /** @return the share of calls that timed out. */
        double timeoutShare() {
            return timeouts() / (double) calls;
        }
    }
}
