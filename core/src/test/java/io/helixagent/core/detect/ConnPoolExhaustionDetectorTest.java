package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.ConnectionPoolAggregate;
import io.helixagent.core.aggregate.PoolSettings;
import io.helixagent.core.aggregate.RouteStats;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.record.Outcome;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drives the detector through every severity and back with synthetic pool seconds, for both kinds of pool. */
class ConnPoolExhaustionDetectorTest {
    private static final long MS = 1_000_000L;
    private final ConnPoolExhaustionDetector detector = new ConnPoolExhaustionDetector();
    private final SubjectRegistry registry = new SubjectRegistry(10, () -> 0L);
    private final Object dbPool = new Object();
    private final Subject db = registry.register(dbPool, ConnectionPoolFeature.HIKARI,
        "com.acme.Db.start(Db.java:12)");
    private final ConnectionPoolAggregate pool = new ConnectionPoolAggregate(db, 10);

    ConnPoolExhaustionDetectorTest() {
        detector.configure(TestConfigs.of(""));
        db.nameIfAbsent("orders-db");
        pool.onSettings(new PoolSettings(10, 30_000, 0, -1));
    }

    /** One second of a pool: gauges, acquisitions with their wait, timeouts, releases with their hold time. */
    private Evaluation second(final ConnectionPoolAggregate p, final int active, final int waiting,
                              final int acquired, final long waitNanos, final int timeouts, final int released,
                              final long holdNanos) {
        p.onSample(active, Math.max(0, p.settings().maxSize() - active), waiting, p.settings().maxSize(),
            p.settings().maxSize());
        for (int i = 0; i < acquired; i++) {
            p.onAcquired(Outcome.OK, waitNanos);
        }
        for (int i = 0; i < timeouts; i++) {
            p.onAcquired(Outcome.TIMEOUT, 30_000 * MS);
        }
        for (int i = 0; i < released; i++) {
            p.onReleased(holdNanos);
        }
        final Evaluation e = detector.evaluate(p);
        p.rotate();
        return e;
    }

    private Evaluation seconds(final int n, final int active, final int waiting, final int acquired,
                               final long waitNanos, final int timeouts, final long holdNanos) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = second(pool, active, waiting, acquired, waitNanos, timeouts, acquired, holdNanos);
        }
        return last;
    }

    @Test
    void shouldSayNothingWithTooLittleData() {
        assertNull(second(pool, 10, 20, 2, 500 * MS, 0, 2, 10 * MS), "one sample and two waits are not enough");
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        assertNull(seconds(10, 3, 0, 50, MS, 0, 20 * MS), "3/10 in use, nobody waits: healthy");

        final Evaluation warning = seconds(10, 10, 3, 50, 20 * MS, 0, 200 * MS);
        assertEquals(Severity.WARNING, warning.severity(), warning.toString());
        assertEquals(3.0, warning.evidence().get("waitingCallersMean"));

        final Evaluation critical = seconds(10, 10, 12, 50, 900 * MS, 2, 200 * MS);
        assertEquals(Severity.CRITICAL, critical.severity());
        assertEquals(2.0, critical.evidence().get("timeoutsPerSec"));
        assertTrue(critical.recommendations().stream().anyMatch(r -> r.startsWith("Callers are failing: 2 per "
            + "second (")), critical.recommendations().toString());

        assertNull(seconds(10, 2, 0, 50, MS, 0, 20 * MS), "a window without waiters or timeouts");
    }

    @Test
    void shouldNotMistakeSlowConnectionOpeningForExhaustion() {
        assertNull(seconds(3, 5, 0, 10, 400 * MS, 0, 10 * MS), "5/10 in use, nobody queued: acquires open connections");
    }

    @Test
    void shouldScoreTheWaitOnceEnoughCallersWaited() {
        final Evaluation e = seconds(3, 10, 0, 10, 400 * MS, 0, 10 * MS);
        assertEquals(Severity.WARNING, e.severity(), "p99 wait of 400 ms is between 250 ms and 1 s");
        assertEquals(400, (Double) e.evidence().get("waitP99Ms"), 400 * 0.07);
    }

    @Test
    void shouldNameTheHikariSettingsWithThePoolsNumbers() {
        final Evaluation e = seconds(5, 10, 6, 20, 800 * MS, 1, 500 * MS);
        assertEquals("orders-db (created at com.acme.Db.start(Db.java:12))", e.subject());
        assertEquals("Database connection pool orders-db is exhausted", e.title());
        final Map<String, Object> ev = e.evidence();
        assertEquals("Database connection pool orders-db: 10/10 connections in use, 6 callers waiting on average "
            + "(up to 6); callers wait " + Numbers.plain((Double) ev.get("waitP99Ms")) + " ms (p99) and 1/s give up; "
            + "connections are held " + Numbers.plain((Double) ev.get("holdP99Ms")) + " ms (p99).", e.summary());
        assertTrue(e.recommendations().get(0).startsWith("Increase maximumPoolSize from 10 to about 16 "),
            e.recommendations().toString());
        assertTrue(e.recommendations().get(1).contains("after connectionTimeout = 30000 ms"));
        assertTrue(e.recommendations().get(2).startsWith("Hold connections briefly"));
        assertFalse((Boolean) ev.get("leakSuspected"), "500 ms holds are short of hold.leak");
        assertEquals(List.of("activeConnections", "maxConnections", "idleConnections", "waitingCallersMean",
            "waitingCallersMax", "acquiredPerSec", "timeoutsPerSec", "timeoutsTotal", "waitP50Ms", "waitP99Ms",
            "holdP50Ms", "holdP99Ms", "leakSuspected", "connectionTimeoutMs", "leakDetectionThresholdMs",
            "windowSec"), List.copyOf(ev.keySet()));
    }

    @Test
    void shouldSuspectLeakedConnectionsWhenThePoolStaysFullAndNothingComesBack() {
        Evaluation e = null;
        for (int i = 0; i < 5; i++) {
            e = second(pool, 10, 4, 0, 0, 0, 0, 0);
        }
        assertEquals(Severity.WARNING, e.severity(), "4 waiters on average, nothing timed out yet");
        assertTrue((Boolean) e.evidence().get("leakSuspected"));
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Look for leaked connections: every one "
            + "of the 10 connections stayed in use for the whole window while none came back. Set "
            + "leakDetectionThreshold to about 2000 ms (now off)")), e.recommendations().toString());
    }

    @Test
    void shouldNameTheBusiestRouteOfAnHttpClientPool() {
        final Object manager = new Object();
        final Subject subject = registry.register(manager, ConnectionPoolFeature.HTTP_CLIENT,
            "com.acme.Client.start(Client.java:7)");
        subject.nameIfAbsent("PoolingHttpClientConnectionManager");
        final ConnectionPoolAggregate http = new ConnectionPoolAggregate(subject, 10);
        http.onSettings(new PoolSettings(25, -1, -1, 2));
        http.onRoutes(List.of(new RouteStats("api.example.com:443", 2, 6, 0, 2)));
        Evaluation e = null;
        for (int i = 0; i < 5; i++) {
            e = second(http, 2, 6, 3, 700 * MS, 1, 3, 600 * MS);
        }
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals("HTTP connection pool PoolingHttpClientConnectionManager is exhausted", e.title());
        assertTrue(e.summary().contains(", busiest route api.example.com:443 2/2 leased with 6 waiting;"),
            e.summary());
        assertEquals("api.example.com:443", e.evidence().get("busiestRoute"));
        assertEquals(2, e.evidence().get("defaultMaxPerRoute"));
        assertTrue(e.recommendations().get(0).startsWith("Raise the per-route limit (the guide's max_conns_per_host): "
            + "route api.example.com:443 had 2/2 connections leased and 6 requests waiting. Set "
            + "setMaxPerRoute(route, 8) or setDefaultMaxPerRoute(8) (now 2)"), e.recommendations().toString());
        assertTrue(e.recommendations().get(1).contains("ConnectionRequestTimeoutException"));
        assertTrue(e.recommendations().get(e.recommendations().size() - 1).startsWith("Reuse connections"));

        http.onRoutes(List.of());
        final Evaluation afterTheLoad = second(http, 0, 0, 0, 0, 1, 0, 0);
        assertEquals(6, afterTheLoad.evidence().get("routePending"), "the window's busiest moment, not the last");
    }

    @Test
    void shouldNotJudgeClosedPools() {
        seconds(3, 10, 12, 50, 900 * MS, 2, 200 * MS);
        pool.onClosed();
        assertNull(second(pool, 10, 12, 50, 900 * MS, 2, 50, 200 * MS));
    }

    @Test
    void shouldHonourConfiguredThresholds() {
        detector.configure(TestConfigs.of("detector.connpool.exhaustion.waiters.warning=5,"
            + "detector.connpool.exhaustion.waiters.critical=10"));
        assertEquals(Severity.INFO, seconds(5, 10, 3, 50, 20 * MS, 0, 200 * MS).severity());
    }
}
