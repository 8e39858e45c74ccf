package io.helixagent.core.detect;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.RouteStats;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.stats.LatencyHistogram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code connpool.exhaustion}: callers waiting for, or giving up on, a pooled connection (the guide's
 * "HTTP connection exhaustion", and its database twin: HikariCP's "Connection is not available, request timed
 * out").
 * <p>
 * Three signals, each scored on the shared scale, the worst one wins:
 * <ul>
 *   <li>acquisition timeouts per second: callers that gave up ({@code SQLTransientConnectionException},
 *       {@code ConnectionRequestTimeoutException});</li>
 *   <li>the p99 wait for a connection, once {@code min.acquires} attempts were made in the window, while the
 *       pool is at its limit or has callers queued (otherwise a slow acquire is a connection being opened);</li>
 *   <li>callers waiting, the mean of the pool's own count once a second: this one sees a pool whose
 *       connections are all held (leaked) within seconds, long before the first caller times out.</li>
 * </ul>
 * Active connections against the limit and the hold time are evidence, not signals: a pool working at its
 * limit with no one waiting is busy, not exhausted. A pool that was closed is no longer judged.
 */
public final class ConnPoolExhaustionDetector implements Detector {
    /** The detector id. */
    public static final String ID = "connpool.exhaustion";
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = ConfigKey.duration(P + "window", "10s",
        "how far back the signals look (1s to 60s)");
    static final ConfigKey TIMEOUTS_INFO = ConfigKey.decimal(P + "timeouts.info", "0.05",
        "acquisition timeouts per second at which INFO starts");
    static final ConfigKey TIMEOUTS_WARNING = ConfigKey.decimal(P + "timeouts.warning", "0.1",
        "acquisition timeouts per second at which WARNING starts (one timeout in a 10 s window)");
    static final ConfigKey TIMEOUTS_CRITICAL = ConfigKey.decimal(P + "timeouts.critical", "1",
        "acquisition timeouts per second at which CRITICAL starts");
    static final ConfigKey WAIT_INFO = ConfigKey.duration(P + "wait.info", "100ms",
        "p99 wait for a connection at which INFO starts");
    static final ConfigKey WAIT_WARNING = ConfigKey.duration(P + "wait.warning", "250ms",
        "p99 wait for a connection at which WARNING starts");
    static final ConfigKey WAIT_CRITICAL = ConfigKey.duration(P + "wait.critical", "1s",
        "p99 wait for a connection at which CRITICAL starts");
    static final ConfigKey WAITERS_INFO = ConfigKey.decimal(P + "waiters.info", "0.5",
        "mean number of callers waiting for a connection at which INFO starts");
    static final ConfigKey WAITERS_WARNING = ConfigKey.decimal(P + "waiters.warning", "2",
        "mean number of callers waiting at which WARNING starts");
    static final ConfigKey WAITERS_CRITICAL = ConfigKey.decimal(P + "waiters.critical", "8",
        "mean number of callers waiting at which CRITICAL starts");
    static final ConfigKey HOLD_LEAK = ConfigKey.duration(P + "hold.leak", "5s",
        "p99 hold time above which, with the pool at its limit, leaked connections are suspected");
    static final ConfigKey MIN_ACQUIRES = ConfigKey.integer(P + "min.acquires", "10", 1, 1_000_000,
        "acquisition attempts needed in the window before the wait is judged");
    static final ConfigKey MIN_SAMPLES = ConfigKey.integer(P + "min.samples", "3", 1, 60,
        "gauge samples (seconds) needed before waiting callers are judged");

    private static final List<ConfigKey> PARAMETERS = List.of(WINDOW, TIMEOUTS_INFO, TIMEOUTS_WARNING,
        TIMEOUTS_CRITICAL, WAIT_INFO, WAIT_WARNING, WAIT_CRITICAL, WAITERS_INFO, WAITERS_WARNING, WAITERS_CRITICAL,
        HOLD_LEAK, MIN_ACQUIRES, MIN_SAMPLES);

    private int windowSeconds = 10;
    private Limits.Thresholds timeoutLimits;
    private Limits.Thresholds waitLimitsMs;
    private Limits.Thresholds waiterLimits;
    private long holdLeakNanos;
    private int minAcquires;
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
        timeoutLimits = new Limits.Thresholds(config.decimal(TIMEOUTS_INFO), config.decimal(TIMEOUTS_WARNING),
            config.decimal(TIMEOUTS_CRITICAL));
        waitLimitsMs = new Limits.Thresholds(config.duration(WAIT_INFO).toMillis(),
            config.duration(WAIT_WARNING).toMillis(), config.duration(WAIT_CRITICAL).toMillis());
        waiterLimits = new Limits.Thresholds(config.decimal(WAITERS_INFO), config.decimal(WAITERS_WARNING),
            config.decimal(WAITERS_CRITICAL));
        holdLeakNanos = config.duration(HOLD_LEAK).toNanos();
        minAcquires = config.integer(MIN_ACQUIRES);
        minSamples = config.integer(MIN_SAMPLES);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(ConnectionPoolFeature.class, ConnectionPoolFeature::pools, this::evaluate, out);
    }

    Evaluation evaluate(final ConnectionPoolAggregate pool) {
        if (pool.isClosed()) {
            return null;
        }
        final int seconds = Math.min(windowSeconds, pool.filledSeconds());
        final int samples = pool.pending().samples(seconds);
        final long timeouts = pool.timeouts().sum(seconds);
        final LatencyHistogram wait = pool.waitNanos().merged(seconds);
        final long attempts = wait.count();
        if (samples < minSamples && attempts < minAcquires && timeouts == 0) {
            return null;
        }
        final PoolFigures f = figures(pool, seconds, wait);
        final double timeoutScore = timeoutLimits.score(f.timeoutsPerSec);
        // a slow acquire from a pool with idle connections and nobody queued is a connection being opened (a cold
        // pool, a slow database), not exhaustion: the wait only counts while the pool is at its limit or has waiters
        final int max = pool.settings().maxSize();
        final boolean underPressure = timeouts > 0 || nonNegative(pool.pending().max(seconds)) > 0
            || max > 0 && nonNegative(pool.active().max(seconds)) >= max;
        final double waitScore = attempts >= minAcquires && underPressure
            ? waitLimitsMs.score(f.waitP99Nanos / 1e6) : 0;
        final double waiterScore = samples >= minSamples ? waiterLimits.score(f.waitersMean) : 0;
        final double score = Math.max(timeoutScore, Math.max(waitScore, waiterScore));
        if (Severity.of(score) == null) {
            return null;
        }
        return new Evaluation(ID, pool.subject().kind() + ":" + pool.subject().id(), pool.subject().describe(),
            score, ConnPoolExhaustionTexts.title(f), ConnPoolExhaustionTexts.summary(f), evidence(f, seconds),
            ConnPoolExhaustionTexts.recommendations(f));
    }

    private PoolFigures figures(final ConnectionPoolAggregate pool, final int seconds, final LatencyHistogram wait) {
        final long waitP50 = wait.percentileNanos(0.5);
        final long waitP99 = wait.percentileNanos(0.99);
        final LatencyHistogram hold = pool.holdNanos().merged(seconds);
        final long acquired = pool.acquired().sum(seconds);
        final long timeouts = pool.timeouts().sum(seconds);
        final int max = pool.settings().maxSize();
        final double activeMean = nonNegative(pool.active().mean(seconds));
        final boolean atLimit = max > 0 && activeMean >= max;
        final boolean leakSuspected = atLimit && (hold.percentileNanos(0.99) >= holdLeakNanos
            || pool.released().sum(seconds) == 0);
        final RouteStats busiest = pool.busiestRoute(seconds);
        return new PoolFigures(pool.subject().kind(), pool.subject().displayName(),
            (int) nonNegative(pool.active().max(seconds)), max, (int) nonNegative(pool.idle().latest()),
            nonNegative(pool.pending().mean(seconds)), (int) nonNegative(pool.pending().max(seconds)),
            acquired / (double) seconds, timeouts / (double) seconds, pool.timeouts().total(),
            pool.failures().sum(seconds), waitP50, waitP99, hold.percentileNanos(0.5), hold.percentileNanos(0.99),
            hold.meanNanos(), hold.count(), leakSuspected, pool.settings().connectionTimeoutMs(),
            pool.settings().leakDetectionMs(), pool.settings().defaultMaxPerRoute(), busiest);
    }

    private static double nonNegative(final double value) {
        return Double.isNaN(value) || value < 0 ? 0 : value;
    }

    private static Map<String, Object> evidence(final PoolFigures f, final int seconds) {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("activeConnections", f.active);
        e.put("maxConnections", f.max);
        e.put("idleConnections", f.idle);
        e.put("waitingCallersMean", Numbers.round1(f.waitersMean));
        e.put("waitingCallersMax", f.waitersMax);
        e.put("acquiredPerSec", Numbers.round1(f.acquiredPerSec));
        e.put("timeoutsPerSec", Numbers.round1(f.timeoutsPerSec));
        e.put("timeoutsTotal", f.timeoutsTotal);
        e.put("waitP50Ms", Numbers.millis(f.waitP50Nanos));
        e.put("waitP99Ms", Numbers.millis(f.waitP99Nanos));
        e.put("holdP50Ms", Numbers.millis(f.holdP50Nanos));
        e.put("holdP99Ms", Numbers.millis(f.holdP99Nanos));
        e.put("leakSuspected", f.leakSuspected);
        if (f.isHikari()) {
            e.put("connectionTimeoutMs", f.connectionTimeoutMs);
            e.put("leakDetectionThresholdMs", f.leakDetectionMs);
        } else {
            e.put("defaultMaxPerRoute", f.defaultMaxPerRoute);
            if (f.busiest != null) {
                e.put("busiestRoute", f.busiest.route());
                e.put("routeLeased", f.busiest.leased());
                e.put("routeMax", f.busiest.max());
                e.put("routePending", f.busiest.pending());
            }
        }
        e.put("windowSec", seconds);
        return e;
    }

    /** The figures of one pool over the window, shared by the evidence and the texts. */
    record PoolFigures(String kind, String name, int active, int max, int idle, double waitersMean, int waitersMax,
                       double acquiredPerSec, double timeoutsPerSec, long timeoutsTotal, long failures,
                       long waitP50Nanos, long waitP99Nanos, long holdP50Nanos, long holdP99Nanos,
                       double holdMeanNanos, long released, boolean leakSuspected, long connectionTimeoutMs,
                       long leakDetectionMs, int defaultMaxPerRoute, RouteStats busiest) {
        /** @return true for a HikariCP pool, false for an HttpClient connection manager. */
        boolean isHikari() {
            return ConnectionPoolFeature.HIKARI.equals(kind);
        }

        /**
         * @return connections needed to serve every caller without waiting: those in use plus those waited for,
         *     or, where larger, demand (handed out plus given up per second) times the mean hold time.
         */
        int neededConnections() {
            final double demand = (acquiredPerSec + timeoutsPerSec) * holdMeanNanos / 1e9;
            return (int) Math.ceil(Math.max(active + waitersMean, demand));
        }
    }
}
