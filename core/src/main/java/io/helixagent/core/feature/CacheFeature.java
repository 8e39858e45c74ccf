package io.helixagent.core.feature;

import io.helixagent.core.aggregate.CacheAggregate;
import io.helixagent.core.aggregate.CacheCounters;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.metrics.CacheMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.sample.CacheReader;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Caches (Caffeine, Guava, JCache): counts moved over from the probes each tick, loads from records, size and
 * configured limits sampled from the live caches, and one set of Micrometer meters per cache.
 */
public final class CacheFeature implements Feature {
    /** Cache subjects are registered with this kind. */
    public static final String KIND = "cache";
    private static final int REPORT_WINDOW_SECONDS = 10;

    private final SubjectRegistry subjects;
    private final MeterRegistry meters;
    private final Int2ObjectHashMap<Watched> caches = new Int2ObjectHashMap<>();
    private int historySeconds = 10;

    /**
     * @param subjects where the probes register caches.
     * @param meters   where each cache's meters are bound.
     */
    public CacheFeature(final SubjectRegistry subjects, final MeterRegistry meters) {
        this.subjects = subjects;
        this.meters = meters;
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return the aggregates of the caches seen so far and still alive. */
    public Collection<CacheAggregate> caches() {
        final List<CacheAggregate> list = new ArrayList<>(caches.size());
        for (final Watched watched : caches.values()) {
            list.add(watched.aggregate);
        }
        return list;
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.CACHE_LOAD};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final Watched cache = watched(RecordLayout.subject(buffer, index));
        if (cache != null) {
            cache.aggregate.onLoad(RecordLayout.a(buffer, index), RecordLayout.aux(buffer, index) != 0);
        }
    }

    /** @return the cache with that subject id, starting to watch it if it is new; null when it cannot be. */
    private Watched watched(final int subjectId) {
        Watched watched = caches.get(subjectId);
        if (watched == null) {
            final Subject subject = subjects.get(subjectId);
            final Object cache = subject == null ? null : subject.get();
            if (cache == null || !(subject.probeState() instanceof CacheCounters)) {
                return null;
            }
            final CacheReader reader = CacheReader.of(cache);
            if (reader == null) {
                return null;
            }
            final String libraryName = reader.name(cache);
            subject.nameIfAbsent(libraryName != null ? libraryName : reader.library() + " cache #" + subject.id());
            final CacheAggregate aggregate = new CacheAggregate(subject, (CacheCounters) subject.probeState(),
                reader.library(), historySeconds);
            watched = new Watched(aggregate, reader, new CacheMeters(meters, aggregate, subject.displayName()));
            caches.put(subjectId, watched);
        }
        return watched;
    }

    @Override
    public void onTick(final long nowMillis) {
        caches.values().removeIf(Watched::closeIfGone);
        for (final Subject subject : subjects.live(KIND)) {
            final Watched watched = watched(subject.id());
            final Object cache = subject.get();
            if (watched != null && cache != null) {
                watched.aggregate.collectCounters();
                watched.reader.sample(cache, watched.aggregate);
            }
        }
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final Watched watched : caches.values()) {
            final CacheAggregate cache = watched.aggregate;
            parts.subject(snapshot(cache));
            parts.point(KIND + ":" + cache.subject().displayName() + ":hitRatio", "ratio", cache.hitRatio());
        }
    }

    @Override
    public void afterTick() {
        for (final Watched watched : caches.values()) {
            watched.aggregate.rotate();
        }
    }

    private static SubjectSnapshot snapshot(final CacheAggregate cache) {
        final int seconds = Math.min(REPORT_WINDOW_SECONDS, cache.filledSeconds());
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", cache.subject().type());
        m.put("library", cache.library());
        final double ratio = cache.hitRatio();
        if (!Double.isNaN(ratio)) {
            m.put("hitRate", Numbers.round3(ratio));
        }
        m.put("getsPerSec", Numbers.round1(cache.gets().sum(seconds) / (double) Math.max(1, seconds)));
        m.put("getsTotal", cache.gets().total());
        m.put("missesTotal", cache.misses().total());
        m.put("loadsTotal", cache.loads().total());
        m.put("loadFailuresTotal", cache.loadFailures().total());
        final LatencyHistogram load = cache.loadNanos().merged(seconds);
        m.put("loadP50Ms", Numbers.millis(load.percentileNanos(0.5)));
        m.put("loadP99Ms", Numbers.millis(load.percentileNanos(0.99)));
        m.put("evictionsTotal", cache.evictions().total());
        m.put("expirationsTotal", cache.expirations().total());
        m.put("size", describeLimit(cache.latestSize()));
        m.put(cache.weighted() ? "maximumWeight" : "maximumSize", describeLimit(cache.capacity()));
        m.put("expireAfterWriteSec", describeExpiry(cache.expireAfterWriteNanos()));
        m.put("expireAfterAccessSec", describeExpiry(cache.expireAfterAccessNanos()));
        m.put("distinctKeys", cache.distinctKeys());
        m.put("distinctKeysWindowSec", cache.distinctKeySeconds());
        return new SubjectSnapshot(KIND, cache.subject().describe(), cache.subject().creationSite(), m);
    }

    /** @return a size or capacity as a number, or {@code unbounded} / {@code unknown}. */
    public static Object describeLimit(final long value) {
        if (value == CacheAggregate.UNBOUNDED) {
            return "unbounded";
        }
        return value == CacheAggregate.UNKNOWN ? "unknown" : (Object) value;
    }

    /** @return an expiry in seconds, or {@code none} / {@code unknown}. */
    public static Object describeExpiry(final long nanos) {
        if (nanos == CacheAggregate.NO_EXPIRY) {
            return "none";
        }
        return nanos == CacheAggregate.UNKNOWN ? "unknown" : (Object) Numbers.round3(nanos / 1e9);
    }

    /** A watched cache: its aggregate, how to read it, and its meters. */
    private static final class Watched {
        private final CacheAggregate aggregate;
        private final CacheReader reader;
        private final CacheMeters meters;

        Watched(final CacheAggregate aggregate, final CacheReader reader, final CacheMeters meters) {
            this.aggregate = aggregate;
            this.reader = reader;
            this.meters = meters;
        }

        /** @return true, after removing its meters, when the cache was collected. */
        boolean closeIfGone() {
            if (aggregate.subject().get() != null) {
                return false;
            }
            meters.close();
            return true;
        }
    }
}
