package io.helixagent.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.aggregate.HttpHostAggregate;
import io.helixagent.core.feature.HttpFeature;
import io.helixagent.core.record.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the detector through every severity and back with synthetic seconds of calls to one host. */
class HttpSlowDetectorTest {
    private static final long MS = 1_000_000L;
    private final HttpSlowDetector detector = new HttpSlowDetector();
    private final HttpHostAggregate host = new HttpHostAggregate(2, "https://api.example.com:443", 10);

    HttpSlowDetectorTest() {
        detector.configure(TestConfigs.of(""));
    }

    private Evaluation second(final int calls, final long nanos, final int connectTimeouts, final int readTimeouts) {
        for (int i = 0; i < calls; i++) {
            host.onCall(Outcome.OK, nanos, HttpFeature.CLIENT_JDK);
        }
        for (int i = 0; i < connectTimeouts; i++) {
            host.onCall(Outcome.CONNECT_TIMEOUT, 2000 * MS, HttpFeature.CLIENT_APACHE);
        }
        for (int i = 0; i < readTimeouts; i++) {
            host.onCall(Outcome.READ_TIMEOUT, 5000 * MS, HttpFeature.CLIENT_JDK);
        }
        final Evaluation e = detector.evaluate(host);
        host.rotate();
        return e;
    }

    private Evaluation seconds(final int n, final int calls, final long nanos, final int connectTimeouts,
                               final int readTimeouts) {
        Evaluation last = null;
        for (int i = 0; i < n; i++) {
            last = second(calls, nanos, connectTimeouts, readTimeouts);
        }
        return last;
    }

    @Test
    void shouldGoFromHealthyToWarningToCriticalAndBack() {
        assertNull(seconds(10, 20, 30 * MS, 0, 0), "30 ms calls: healthy");

        final Evaluation warning = seconds(10, 20, 1500 * MS, 0, 0);
        assertEquals(Severity.WARNING, warning.severity(), warning.toString());
        assertEquals("Outbound HTTP calls to https://api.example.com:443 are slow", warning.title());
        assertTrue(warning.recommendations().get(0).startsWith("Fail fast: calls take "),
            warning.recommendations().toString());

        final Evaluation critical = seconds(10, 20, 30 * MS, 0, 2);
        assertEquals(Severity.CRITICAL, critical.severity(), "2 of 22 calls timed out");
        assertEquals(0.091, (Double) critical.evidence().get("timeoutRatio"), 1e-9);
        assertEquals("Outbound HTTP calls to https://api.example.com:443 time out", critical.title());
        assertTrue(critical.recommendations().get(0).startsWith("Calls time out waiting for the response "
            + "(\"Operation timed out\"): 20 of 220 in the last 10 s."), critical.recommendations().toString());

        assertNull(seconds(10, 20, 30 * MS, 0, 0), "a window of quick calls without timeouts");
    }

    @Test
    void shouldRecommendALongerConnectTimeoutWhenConnectionsTimeOut() {
        final Evaluation e = seconds(3, 10, 20 * MS, 1, 0);
        assertEquals(Severity.CRITICAL, e.severity());
        assertEquals(3L, e.evidence().get("connectTimeouts"));
        assertEquals("java.net.http.HttpClient, Apache HttpClient 5", e.evidence().get("clients"));
        assertTrue(e.recommendations().stream().anyMatch(r -> r.startsWith("Connections to "
            + "https://api.example.com:443 time out: 3 in the last 3 s.") && r.contains("increase the connection "
            + "timeout")), e.recommendations().toString());
    }

    @Test
    void shouldNoteASlowFirstConnectionAtInfoAndKeepItOutOfThePercentiles() {
        host.onCall(Outcome.OK, 2500 * MS, HttpFeature.CLIENT_URL_CONNECTION);
        final Evaluation e = second(10, 20 * MS, 0, 0);
        assertEquals(Severity.INFO, e.severity(), e.toString());
        assertEquals(2500, (Double) e.evidence().get("firstCallMs"), 2500 * 0.07);
        assertEquals(20, (Double) e.evidence().get("callP99Ms"), 20 * 0.07, "the first call is not in the p99");
        assertEquals("Calls to https://api.example.com:443: 11 in 1 s; p99 " + Numbers.plain((Double) e.evidence()
            .get("callP99Ms")) + " ms, p50 " + Numbers.plain((Double) e.evidence().get("callP50Ms"))
            + " ms; the first call took " + Numbers.plain((Double) e.evidence().get("firstCallMs")) + " ms.",
            e.summary());
        assertTrue(e.recommendations().get(0).startsWith("The first call took "), e.recommendations().toString());
        assertNull(seconds(10, 10, 20 * MS, 0, 0), "once the first call has left the window");
    }

    @Test
    void shouldWaitForEnoughCallsBeforeJudgingThePercentile() {
        assertNull(second(3, 3000 * MS, 0, 0), "three slow calls, the first no slower than the rest: too few to "
            + "judge");
    }

    @Test
    void shouldListEvidenceWithUnits() {
        final Evaluation e = seconds(2, 10, 1200 * MS, 0, 1);
        assertEquals(List.of("calls", "callsPerSec", "callP50Ms", "callP99Ms", "connectTimeouts", "readTimeouts",
            "timeoutRatio", "errors", "firstCallMs", "clients", "windowSec"), List.copyOf(e.evidence().keySet()));
    }

    @Test
    void shouldHonourConfiguredThresholds() {
        detector.configure(TestConfigs.of("detector.http.slow.p99.warning=2s,detector.http.slow.p99.critical=4s"));
        assertEquals(Severity.INFO, seconds(5, 20, 1500 * MS, 0, 0).severity());
    }
}
