package io.helixagent.core.detect;

import io.helixagent.core.detect.CacheHitRateDetector.CacheFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of {@code cache.hit-rate}, kept in one place: the guide's section 6 ("Cache Miss Rate High": increase
 * the L1 {@code max_size}, increase the {@code ttl}, too many unique keys) made concrete with the cache's own
 * numbers and the builder setting of its library.
 */
final class CacheHitRateTexts {
    private CacheHitRateTexts() {
    }

    static String summary(final String name, final CacheFigures f) {
        final StringBuilder s = new StringBuilder("Cache ").append(name).append(": hit rate ")
            .append(Numbers.percent(f.hitRate())).append(" over ").append(f.seconds()).append(" s (")
            .append(f.misses()).append(" of ").append(f.gets()).append(" gets missed");
        if (f.loads() > 0) {
            s.append(", loads take ").append(Numbers.plain(Numbers.millis(f.loadP99Nanos()))).append(" ms at p99");
        }
        s.append("); likely cause: ").append(causeInWords(f)).append('.');
        return s.toString();
    }

    private static String causeInWords(final CacheFigures f) {
        switch (f.cause()) {
            case TOO_MANY_KEYS:
                return "too many unique keys (" + f.distinctKeys() + " distinct keys in " + f.keySeconds() + " s"
                    + (f.evictionsFollowMisses() ? " for " + limitInWords(f)
                    : ", misses without evictions or expirations") + ")";
            case TTL_TOO_SHORT:
                return "TTL too short (entries expire after " + Numbers.plain(f.ttlNanos() / 1e9)
                    + " s" + (f.reportsRemovals() ? ", " + f.expirations() + " expirations" : "") + ")";
            case TOO_SMALL:
                return "cache too small (" + f.evictions() + " evictions for " + f.misses() + " misses, "
                    + f.distinctKeys() + " distinct keys for " + limitInWords(f) + ")";
            default:
                return "unknown (the provider does not report evictions or expirations)";
        }
    }

    static List<String> recommendations(final CacheFigures f) {
        final List<String> r = new ArrayList<>();
        switch (f.cause()) {
            case TOO_MANY_KEYS:
                r.add(tooManyKeys(f));
                break;
            case TTL_TOO_SHORT:
                r.add(ttlTooShort(f));
                break;
            case TOO_SMALL:
                r.add(tooSmall(f));
                break;
            default:
                r.add("Find the cause in the provider's own statistics: JCache does not report evictions or "
                    + "expirations; enable them with MutableConfiguration.setStatisticsEnabled(true) and compare "
                    + "evictions with misses (too small: raise the provider's maximum size) and the expiry policy "
                    + "with how often keys return (every " + Numbers.plain(f.keyIntervalSec()) + " s here).");
                break;
        }
        if (f.loads() > 0) {
            r.add("Each miss costs a load of " + Numbers.plain(Numbers.millis(f.loadP50Nanos())) + " ms (p50, "
                + Numbers.plain(Numbers.millis(f.loadP99Nanos())) + " ms p99) on the backend; until the hit rate "
                + "recovers, that is " + Numbers.plain(f.misses() / (double) f.seconds())
                + " backend calls per second from this cache alone.");
        }
        return r;
    }

    private static String tooManyKeys(final CacheFigures f) {
        final String keys = f.distinctKeys() + " distinct keys among " + f.keyGets() + " gets in the last "
            + f.keySeconds() + " s";
        if (f.evictionsFollowMisses()) {
            return "Too many unique keys for the size: " + keys + " against " + limitInWords(f) + " ("
                + Numbers.plain((double) f.distinctKeys() / f.capacity()) + " times more keys than entries). Either "
                + "hold the whole working set with " + sizeSetting(f, f.distinctKeys() + f.distinctKeys() / 5)
                + " if memory allows, or make keys less specific so that fewer of them cover the same lookups.";
        }
        final String filling = f.capacity() > 0 && f.size() >= 0 && f.size() < f.capacity()
            ? " (or the cache is still filling up: it holds " + f.size() + " of " + f.capacity() + " entries)" : "";
        return "Too many unique keys: " + f.misses() + " of " + f.gets() + " gets missed without an eviction or "
            + "expiration behind them, so they asked for keys the cache never held" + filling + "; " + keys
            + ". Check what the key contains (timestamps, request ids, unnormalised parameters) and cache on the "
            + "part that repeats, or do not cache this lookup; if entries are invalidated explicitly, invalidate "
            + "less.";
    }

    private static String ttlTooShort(final CacheFigures f) {
        final double ttlSec = f.ttlNanos() / 1e9;
        final double suggested = Math.max(2 * ttlSec, Math.ceil(2 * f.keyIntervalSec()));
        final StringBuilder s = new StringBuilder("Increase the TTL: entries expire ")
            .append(Numbers.plain(ttlSec)).append(" s after they are ")
            .append(f.expireAfterAccessNanos() == f.ttlNanos() ? "last read" : "written")
            .append(" while the same key is asked for again every ").append(Numbers.plain(f.keyIntervalSec()))
            .append(" s on average");
        if (f.reportsRemovals()) {
            s.append(", and ").append(f.expirations()).append(" expirations preceded ").append(f.misses())
                .append(" misses");
        }
        return s.append(". ").append(ttlSetting(f, suggested))
            .append(" keeps them for that long, if the data may be that old (the guide's l1 ttl).").toString();
    }

    private static String tooSmall(final CacheFigures f) {
        return "Increase the cache size: it holds " + limitInWords(f) + " but " + f.distinctKeys()
            + " distinct keys were asked for in the last " + f.keySeconds() + " s, and " + f.evictions()
            + " entries were evicted for " + f.misses() + " misses, so entries leave before they are read again. "
            + sizeSetting(f, f.distinctKeys() + f.distinctKeys() / 5) + " holds that working set with 20% to spare "
            + "(the guide's l1 max_size).";
    }

    private static String limitInWords(final CacheFigures f) {
        if (f.capacity() > 0) {
            return "at most " + f.capacity() + (f.weighted() ? " units of weight" : " entries");
        }
        return "an unknown number of entries";
    }

    /** @return the library's setting for a maximum of {@code entries}. */
    private static String sizeSetting(final CacheFigures f, final long entries) {
        if (!f.reportsRemovals()) {
            return "a maximum size of about " + entries + " entries in the JCache provider's configuration";
        }
        if (f.weighted()) {
            return "maximumWeight(...) large enough for about " + entries + " entries";
        }
        return "maximumSize(" + entries + ")";
    }

    /** @return the library's setting for an expiry of {@code seconds}. */
    private static String ttlSetting(final CacheFigures f, final double seconds) {
        final long whole = (long) Math.ceil(seconds);
        if (!f.reportsRemovals()) {
            return "An ExpiryPolicy of " + whole + " s (CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, "
                + whole + ")))";
        }
        final String method = f.expireAfterAccessNanos() == f.ttlNanos() ? "expireAfterAccess" : "expireAfterWrite";
        return method + "(Duration.ofSeconds(" + whole + "))";
    }
}
