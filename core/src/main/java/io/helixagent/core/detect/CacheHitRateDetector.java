package io.helixagent.core.detect;

import io.helixagent.core.aggregate.CacheAggregate;
import io.helixagent.core.config.Config;
import io.helixagent.core.config.ConfigKey;
import io.helixagent.core.feature.CacheFeature;
import io.helixagent.core.stats.LatencyHistogram;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cache.hit-rate}: a cache that misses too often (the guide's "cache miss rate high": hit rate below 80%).
 * <p>
 * The signal is the hit rate over a sliding window, judged once the window holds {@code min.gets} gets. It is
 * scored as a miss rate on the shared scale, with the INFO, WARNING and CRITICAL limits at hit rates of
 * {@code min}, {@code warning} and {@code critical}. A cache younger than {@value #WARMUP_SECONDS} seconds that
 * has neither evicted nor expired anything is filling up, not failing: its misses are not judged yet.
 * <p>
 * The finding names the likely cause among the guide's three, from evidence gathered without keeping keys:
 * <ol>
 *   <li><b>TTL too short</b>: expirations account for at least half the misses and outnumber evictions or, for
 *       libraries that do not report removals (JCache), the configured expiry is shorter than the time after
 *       which the same key is typically asked for again;</li>
 *   <li><b>too small</b>: evictions for at least half the misses, that is evictions close to inserts (every miss
 *       inserts);</li>
 *   <li><b>too many unique keys</b>: the same, but with at least {@value #KEY_FACTOR} times more distinct keys than
 *       the cache holds; or misses that no eviction or expiration explains, past warm-up: such a miss asks for a
 *       key the cache never held (or one removed explicitly), so new keys keep arriving.</li>
 * </ol>
 * For libraries that do not report removals (JCache) without a telling expiry, the cause is reported unknown.
 */
public final class CacheHitRateDetector implements Detector {
    /** The detector id. */
    public static final String ID = "cache.hit-rate";
    /** Seconds a cache that has not evicted or expired anything may fill up before it is judged. */
    static final int WARMUP_SECONDS = 5;
    /** Distinct keys per entry of capacity from which the key space, not the size, is the problem. */
    static final int KEY_FACTOR = 10;
    /** Share of misses that evictions (or expirations) must reach to be named the cause. */
    private static final double REMOVAL_SHARE = 0.5;
    private static final String P = "detector." + ID + ".";

    static final ConfigKey WINDOW = ConfigKey.duration(P + "window", "10s", Duration.ofSeconds(1),
        Duration.ofSeconds(60), "how far back the hit rate looks (1s to 60s)");
    static final ConfigKey MIN = ConfigKey.ratio(P + "min", "0.8",
        "hit rate below which INFO starts (the guide's 80%)");
    static final ConfigKey WARNING = ConfigKey.ratio(P + "warning", "0.6",
        "hit rate below which WARNING starts");
    static final ConfigKey CRITICAL = ConfigKey.ratio(P + "critical", "0.3",
        "hit rate below which CRITICAL starts");
    static final ConfigKey MIN_GETS = ConfigKey.integer(P + "min.gets", "100", 1, 100_000_000,
        "gets needed in the window before the hit rate is judged");

    private static final List<ConfigKey> PARAMETERS = List.of(WINDOW, MIN, WARNING, CRITICAL, MIN_GETS);

    private int windowSeconds = 10;
    private Limits.Thresholds missLimits;
    private int minGets;

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
        // as miss rates, rising; a WARNING or CRITICAL limit set above min is taken as min
        final double info = 1 - config.ratio(MIN);
        final double warning = Math.max(info, 1 - config.ratio(WARNING));
        missLimits = new Limits.Thresholds(info, warning, Math.max(warning, 1 - config.ratio(CRITICAL)));
        minGets = config.integer(MIN_GETS);
    }

    @Override
    public int windowSeconds() {
        return windowSeconds;
    }

    @Override
    public void evaluate(final DetectionContext context, final List<Evaluation> out) {
        context.forEachSubject(CacheFeature.class, CacheFeature::caches, this::evaluate, out);
    }

    Evaluation evaluate(final CacheAggregate cache) {
        final int seconds = Math.min(windowSeconds, cache.filledSeconds());
        final long gets = cache.gets().sum(seconds);
        final long evictions = cache.evictions().sum(seconds);
        final long expirations = cache.expirations().sum(seconds);
        final boolean filling = cache.filledSeconds() < WARMUP_SECONDS && evictions == 0 && expirations == 0;
        if (gets < minGets || filling) {
            return null;
        }
        final long misses = Math.min(gets, cache.misses().sum(seconds));
        final double hitRate = 1 - (double) misses / gets;
        final double score = missLimits.score(1 - hitRate);
        if (Severity.of(score) == null) {
            return null;
        }
        final CacheFigures f = figures(cache, seconds, gets, misses, evictions, expirations);
        final String name = cache.subject().displayName();
        return new Evaluation(ID, "cache:" + cache.subject().id(), cache.subject().describe(), score,
            "Cache " + name + " misses too often", CacheHitRateTexts.summary(name, f),
            evidence(f), CacheHitRateTexts.recommendations(f));
    }

    private CacheFigures figures(final CacheAggregate cache, final int seconds, final long gets, final long misses,
                                 final long evictions, final long expirations) {
        final LatencyHistogram load = cache.loadNanos().merged(seconds);
        final int keySeconds = cache.distinctKeySeconds();
        final CacheFigures raw = new CacheFigures(cache.library(), seconds, gets, misses,
            cache.loads().sum(seconds), cache.loadFailures().sum(seconds), load.percentileNanos(0.5),
            load.percentileNanos(0.99), evictions, expirations, cache.latestSize(), cache.capacity(),
            cache.weighted(), cache.expireAfterWriteNanos(), cache.expireAfterAccessNanos(), cache.distinctKeys(),
            keySeconds, cache.gets().sum(keySeconds), Cause.UNKNOWN);
        return raw.withCause(cause(raw));
    }

    /** The guide's three causes, tried in the order of the class comment. */
    static Cause cause(final CacheFigures f) {
        if (!f.reportsRemovals()) {
            return f.ttlNanos() > 0 && f.ttlNanos() / 1e9 < f.keyIntervalSec() ? Cause.TTL_TOO_SHORT : Cause.UNKNOWN;
        }
        if (f.expirations() > 0 && f.expirations() >= f.evictions()
            && f.expirations() >= REMOVAL_SHARE * f.misses()) {
            return Cause.TTL_TOO_SHORT;
        }
        if (f.evictionsFollowMisses()) {
            return f.capacity() > 0 && !f.weighted() && f.distinctKeys() >= (double) KEY_FACTOR * f.capacity()
                ? Cause.TOO_MANY_KEYS : Cause.TOO_SMALL;
        }
        return Cause.TOO_MANY_KEYS;
    }

    private static Map<String, Object> evidence(final CacheFigures f) {
        final Map<String, Object> e = new LinkedHashMap<>();
        e.put("hitRate", Numbers.round3(f.hitRate()));
        e.put("gets", f.gets());
        e.put("misses", f.misses());
        e.put("getsPerSec", Numbers.round1(f.gets() / (double) f.seconds()));
        e.put("cause", f.cause().id());
        e.put("loads", f.loads());
        e.put("loadFailures", f.loadFailures());
        e.put("loadP50Ms", Numbers.millis(f.loadP50Nanos()));
        e.put("loadP99Ms", Numbers.millis(f.loadP99Nanos()));
        if (f.reportsRemovals()) {
            e.put("evictions", f.evictions());
            e.put("expirations", f.expirations());
        }
        e.put("size", CacheFeature.describeLimit(f.size()));
        e.put(f.weighted() ? "maximumWeight" : "maximumSize", CacheFeature.describeLimit(f.capacity()));
        e.put("expireAfterWriteSec", CacheFeature.describeExpiry(f.expireAfterWriteNanos()));
        e.put("expireAfterAccessSec", CacheFeature.describeExpiry(f.expireAfterAccessNanos()));
        e.put("distinctKeys", f.distinctKeys());
        e.put("distinctKeysWindowSec", f.keySeconds());
        e.put("getsPerKey", Numbers.round1(f.getsPerKey()));
        e.put("keyIntervalSec", Numbers.round1(f.keyIntervalSec()));
        e.put("library", f.library());
        e.put("windowSec", f.seconds());
        return e;
    }

    /** The likely cause of a low hit rate, with its evidence value. */
    enum Cause {
        TOO_MANY_KEYS("too-many-unique-keys"),
        TTL_TOO_SHORT("ttl-too-short"),
        TOO_SMALL("too-small"),
        UNKNOWN("unknown");

        private final String id;

        Cause(final String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** The figures of one cache over the window, shared by the evidence and the texts. */
    record CacheFigures(String library, int seconds, long gets, long misses, long loads, long loadFailures,
                        long loadP50Nanos, long loadP99Nanos, long evictions, long expirations, long size,
                        long capacity, boolean weighted, long expireAfterWriteNanos, long expireAfterAccessNanos,
                        long distinctKeys, int keySeconds, long keyGets, Cause cause) {
        CacheFigures withCause(final Cause likely) {
            return new CacheFigures(library, seconds, gets, misses, loads, loadFailures, loadP50Nanos, loadP99Nanos,
                evictions, expirations, size, capacity, weighted, expireAfterWriteNanos, expireAfterAccessNanos,
                distinctKeys, keySeconds, keyGets, likely);
        }

        double hitRate() {
            return 1 - (double) misses / gets;
        }

        /** @return how often each distinct key was asked for, on average, over the sketch's window. */
        double getsPerKey() {
            return distinctKeys == 0 ? 0 : Math.max(1.0, (double) keyGets / distinctKeys);
        }

        /**
         * @return the mean time after which a key is asked for again, in seconds: the sketch's window divided by the
         *     gets per key, so at most that window.
         */
        double keyIntervalSec() {
            return distinctKeys == 0 ? Double.NaN : keySeconds / getsPerKey();
        }

        /** @return the shortest configured expiry in ns, or a negative value when none is known. */
        long ttlNanos() {
            if (expireAfterWriteNanos > 0 && expireAfterAccessNanos > 0) {
                return Math.min(expireAfterWriteNanos, expireAfterAccessNanos);
            }
            return Math.max(expireAfterWriteNanos, expireAfterAccessNanos);
        }

        /** @return true when evictions by size account for at least half the misses: evictions close to inserts. */
        boolean evictionsFollowMisses() {
            return evictions >= REMOVAL_SHARE * misses;
        }

        /** @return true when the library reports evictions and expirations (JCache does not). */
        boolean reportsRemovals() {
            return !"JCache".equals(library);
        }
    }
}
