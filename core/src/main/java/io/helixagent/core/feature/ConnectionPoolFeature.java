package io.helixagent.core.feature;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.PoolSettings;
import io.helixagent.core.aggregate.RouteStats;
import io.helixagent.core.detect.Numbers;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.metrics.ConnectionPoolMeters;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.sample.HikariSampler;
import io.helixagent.core.sample.HttpClientPoolSampler;
import io.helixagent.core.stats.LatencyHistogram;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Connection pools: HikariCP pools and Apache HttpClient 5 connection managers. Acquisitions (with their wait
 * and outcome) and releases (with the hold time) come from the probes; gauges, limits and per-route figures are
 * sampled from the live pools each tick; each pool gets Micrometer meters once its name is known.
 */
public final class ConnectionPoolFeature implements Feature {
    /** HikariCP pools are registered with this kind. */
    public static final String HIKARI = "hikaricp";
    /** HttpClient 5 connection managers are registered with this kind. */
    public static final String HTTP_CLIENT = "httpclient5.pool";
    private static final int REPORT_WINDOW_SECONDS = 10;

    private final SubjectRegistry subjects;
    private final MeterRegistry meters;
    /** Per subject id: the object a pool's settings are read from, handed over by a probe once per pool. */
    private final Map<Integer, WeakReference<Object>> configs = new ConcurrentHashMap<>();
    private final Int2ObjectHashMap<ConnectionPoolAggregate> pools = new Int2ObjectHashMap<>();
    private final Int2ObjectHashMap<List<Meter>> poolMeters = new Int2ObjectHashMap<>();

    private int historySeconds = 10;

    /**
     * @param subjects where probes register pools.
     * @param meters   where each pool's meters are bound.
     */
    public ConnectionPoolFeature(final SubjectRegistry subjects, final MeterRegistry meters) {
        this.subjects = subjects;
        this.meters = meters;
    }

    /**
     * Remembers, weakly, where a pool's settings are read from (a {@code HikariConfig}: the pool itself does not
     * expose its limits). Any thread; called once per pool, when it is registered.
     */
    public void settingsSource(final Subject pool, final Object config) {
        if (config != null) {
            configs.putIfAbsent(pool.id(), new WeakReference<>(config));
        }
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return the aggregates of the pools seen so far and still alive. */
    public Collection<ConnectionPoolAggregate> pools() {
        return pools.values();
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.CONNECTION_ACQUIRED, RecordType.CONNECTION_RELEASED};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final ConnectionPoolAggregate pool = pool(RecordLayout.subject(buffer, index));
        if (pool == null) {
            return;
        }
        if (type == RecordType.CONNECTION_ACQUIRED) {
            pool.onAcquired(RecordLayout.aux(buffer, index), RecordLayout.a(buffer, index));
        } else {
            pool.onReleased(RecordLayout.a(buffer, index));
        }
    }

    private ConnectionPoolAggregate pool(final int subjectId) {
        ConnectionPoolAggregate pool = pools.get(subjectId);
        if (pool == null) {
            final Subject subject = subjects.get(subjectId);
            if (subject == null) {
                return null;
            }
            pool = new ConnectionPoolAggregate(subject, historySeconds);
            pools.put(subjectId, pool);
        }
        return pool;
    }

    @Override
    public void onTick(final long nowMillis) {
        forgetCollected();
        for (final String kind : List.of(HIKARI, HTTP_CLIENT)) {
            for (final Subject subject : subjects.live(kind)) {
                final Object live = subject.get();
                final ConnectionPoolAggregate aggregate = pool(subject.id());
                if (live != null && aggregate != null && sample(subject, live, aggregate)
                    && !poolMeters.containsKey(subject.id())) {
                    poolMeters.put(subject.id(), HIKARI.equals(kind)
                        ? ConnectionPoolMeters.bindHikari(meters, subject.displayName(), aggregate)
                        : ConnectionPoolMeters.bindHttpClient(meters, subject.describe(), aggregate));
                }
            }
        }
    }

    private boolean sample(final Subject subject, final Object live, final ConnectionPoolAggregate aggregate) {
        if (HIKARI.equals(subject.kind())) {
            final WeakReference<Object> config = configs.get(subject.id());
            return HikariSampler.sample(subject, live, config == null ? null : config.get(), aggregate);
        }
        return HttpClientPoolSampler.sample(subject, live, aggregate);
    }

    private void forgetCollected() {
        final List<Integer> gone = new ArrayList<>();
        for (final ConnectionPoolAggregate pool : pools.values()) {
            if (pool.subject().get() == null) {
                gone.add(pool.subject().id());
            }
        }
        for (final int id : gone) {
            pools.remove(id);
            configs.remove(id);
            final List<Meter> bound = poolMeters.remove(id);
            if (bound != null) {
                bound.forEach(meters::remove);
            }
        }
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final ConnectionPoolAggregate pool : pools.values()) {
            parts.subject(snapshot(pool));
            final String series = pool.subject().kind() + ":" + pool.subject().displayName() + ":";
            parts.point(series + "active", "count", pool.active().latest());
            parts.point(series + "waiting", "count", pool.pending().latest());
        }
    }

    @Override
    public void afterTick() {
        for (final ConnectionPoolAggregate pool : pools.values()) {
            pool.rotate();
        }
    }

    private static SubjectSnapshot snapshot(final ConnectionPoolAggregate pool) {
        final int seconds = Math.min(REPORT_WINDOW_SECONDS, pool.filledSeconds());
        final PoolSettings settings = pool.settings();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", pool.subject().type());
        m.put("activeConnections", wholeOrZero(pool.active().latest()));
        m.put("idleConnections", wholeOrZero(pool.idle().latest()));
        m.put("waitingCallers", wholeOrZero(pool.pending().latest()));
        m.put("totalConnections", wholeOrZero(pool.total().latest()));
        m.put("maxConnections", (long) settings.maxSize());
        m.put("acquiredPerSec", Numbers.round1(pool.acquired().sum(seconds) / (double) Math.max(1, seconds)));
        m.put("timeoutsTotal", pool.timeouts().total());
        final LatencyHistogram wait = pool.waitNanos().merged(seconds);
        m.put("waitP50Ms", Numbers.millis(wait.percentileNanos(0.5)));
        m.put("waitP99Ms", Numbers.millis(wait.percentileNanos(0.99)));
        final LatencyHistogram hold = pool.holdNanos().merged(seconds);
        m.put("holdP50Ms", Numbers.millis(hold.percentileNanos(0.5)));
        m.put("holdP99Ms", Numbers.millis(hold.percentileNanos(0.99)));
        if (HIKARI.equals(pool.subject().kind())) {
            m.put("connectionTimeoutMs", settings.connectionTimeoutMs());
            m.put("leakDetectionThresholdMs", settings.leakDetectionMs());
        } else {
            m.put("defaultMaxPerRoute", (long) settings.defaultMaxPerRoute());
            m.put("routes", routes(pool.routes()));
        }
        m.put("closed", pool.isClosed());
        return new SubjectSnapshot(pool.subject().kind(), pool.subject().describe(), pool.subject().creationSite(),
            m);
    }

    /** @return the routes as report maps: {@code route}, {@code leased}, {@code pending}, ... */
    public static List<Map<String, Object>> routes(final List<RouteStats> routes) {
        final List<Map<String, Object>> list = new ArrayList<>(routes.size());
        for (final RouteStats r : routes) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("route", r.route());
            m.put("leased", (long) r.leased());
            m.put("pending", (long) r.pending());
            m.put("available", (long) r.available());
            m.put("max", (long) r.max());
            list.add(m);
        }
        return list;
    }

    private static long wholeOrZero(final double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.round(value));
    }
}
