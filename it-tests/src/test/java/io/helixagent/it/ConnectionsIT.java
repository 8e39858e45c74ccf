package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection samples with {@code -javaagent} on every JDK of the matrix: an exhausted HikariCP pool, an
 * exhausted HttpClient 5 pool and a slow host called with the JDK's clients, each found with its subject and
 * numbers within 10 s of the trouble's onset; with the newest library versions and with the oldest supported.
 * No report may contain the SQL, the paths or the query strings the samples use.
 */
class ConnectionsIT {
    private static final String SAMPLE = "io.helixagent.samples.ConnectionTroubleSample";
    private static final List<String> MARKERS = List.of("helix-sql-marker", "helix-path-marker",
        "helix-query-marker", "/catalog", "/prices", "SELECT");
    private static final long DETECTION_MILLIS = Duration.ofSeconds(10).toMillis();

    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportExhaustedPoolsAndASlowHostWithTheirNumbers(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, SAMPLE).withAgent("report.interval=0").args("--seconds", "12")
            .start()) {
            final ReportJson report = finish(host);
            final String out = host.stdout();
            assertTrue(out.contains("HikariCP-7.") && out.contains("httpclient5-5.6"), out);
            assertDatabasePool(report, out);
            assertHttpPool(report, out);
            assertSlowHost(report, out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldInstrumentTheOldestSupportedLibraryVersions(final Jdk jdk) throws Exception {
        final HostJvm.Builder builder = HostJvm.sample(jdk, SAMPLE).withAgent("report.interval=0")
            .args("--seconds", "10");
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("helix.oldest.libs")))) {
            jars.sorted().forEach(builder::classpathFirst);
        }
        try (HostJvm host = builder.start()) {
            final ReportJson report = finish(host);
            final String out = host.stdout();
            assertTrue(out.contains("HikariCP-4.0.3.jar") && out.contains("httpclient5-5.1.3.jar"), out);
            assertDatabasePool(report, out);
            assertHttpPool(report, out);
        }
    }

    /** Waits for the sample, checks the agent stayed silent and no report holds SQL, paths or queries. */
    private static ReportJson finish(final HostJvm host) throws Exception {
        assertEquals(0, host.waitFor(Duration.ofSeconds(90)), host.output());
        assertEquals("", host.stderr(), "nothing on standard error: no agent warning, no sample failure");
        final Path dir = host.workDir().resolve("helix-reports");
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.toList()) {
                final String text = Files.readString(file);
                for (final String marker : MARKERS) {
                    assertFalse(text.contains(marker), file + " contains " + marker);
                }
            }
        }
        final ReportJson report = ReportJson.in(dir);
        PremainIT.assertSchema(report);
        PremainIT.assertAccountingExact(report);
        return report;
    }

    private static void assertDatabasePool(final ReportJson report, final String out) {
        final Map<String, Object> finding = onlyFinding(report, "connpool.exhaustion",
            "orders-db (created at io.helixagent.samples.ExhaustedDbPoolSample.run(ExhaustedDbPoolSample.java:");
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        assertDetectedInTime(finding, out, "db");
        final Map<String, Object> e = ReportJson.evidence(finding);
        assertEquals(2.0, e.get("maxConnections"), e.toString());
        assertEquals(2.0, e.get("activeConnections"), e.toString());
        assertEquals(1000.0, e.get("connectionTimeoutMs"), e.toString());
        assertTrue((Double) e.get("waitingCallersMean") >= 2, e.toString());
        assertTrue((Double) e.get("timeoutsPerSec") > 0, e.toString());
        assertTrue((Double) e.get("waitP99Ms") >= 900, e.toString());
        assertTrue((Double) e.get("holdP50Ms") > 600 && (Double) e.get("holdP50Ms") < 900, e.toString());
        assertTrue(recommendations(finding).get(0).startsWith("Increase maximumPoolSize from 2 to about "),
            recommendations(finding).toString());
    }

    private static void assertHttpPool(final ReportJson report, final String out) {
        final Map<String, Object> finding = onlyFinding(report, "connpool.exhaustion",
            "PoolingHttpClientConnectionManager (created at "
                + "io.helixagent.samples.ExhaustedHttpPoolSample.run(ExhaustedHttpPoolSample.java:");
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        assertDetectedInTime(finding, out, "http-pool");
        final Map<String, Object> e = ReportJson.evidence(finding);
        assertEquals(hostPort(out, "catalog"), e.get("busiestRoute"), e.toString());
        assertEquals(2.0, e.get("routeMax"), e.toString());
        assertEquals(2.0, e.get("defaultMaxPerRoute"), e.toString());
        assertTrue((Double) e.get("timeoutsPerSec") > 0, e.toString());
        assertTrue((Double) e.get("waitingCallersMean") >= 2, e.toString());
        assertTrue(recommendations(finding).get(0).startsWith("Raise the per-route limit"),
            recommendations(finding).toString());
    }

    private static void assertSlowHost(final ReportJson report, final String out) {
        final String host = "http://" + hostPort(out, "pricing");
        final Map<String, Object> finding = onlyFinding(report, "http.slow", host);
        assertEquals(host, finding.get("subject"), "scheme, host and port: nothing of the path");
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        assertDetectedInTime(finding, out, "http");
        final Map<String, Object> e = ReportJson.evidence(finding);
        assertTrue((Double) e.get("readTimeouts") > 0, e.toString());
        assertTrue((Double) e.get("callP99Ms") >= 1000, e.toString());
        assertTrue(((String) e.get("clients")).contains("java.net.http.HttpClient")
            && ((String) e.get("clients")).contains("HttpURLConnection"), e.toString());
        assertTrue(recommendations(finding).get(0).startsWith("Calls time out waiting for the response"),
            recommendations(finding).toString());
    }

    private static Map<String, Object> onlyFinding(final ReportJson report, final String detector,
                                                   final String subjectPrefix) {
        final List<Map<String, Object>> found = report.findings(detector).stream()
            .filter(f -> ((String) f.get("subject")).startsWith(subjectPrefix)).toList();
        assertEquals(1, found.size(), subjectPrefix + " in " + report.findings());
        return found.get(0);
    }

    /** The sample prints {@code onset <part> <epoch ms>} as its trouble starts. */
    private static void assertDetectedInTime(final Map<String, Object> finding, final String out,
                                             final String part) {
        final long onset = Long.parseLong(lineValue(out, "onset " + part));
        final long firstSeen = Instant.parse((String) finding.get("firstSeen")).toEpochMilli();
        assertTrue(firstSeen - onset <= DETECTION_MILLIS, "detected " + (firstSeen - onset) + " ms after onset");
    }

    /** The sample prints {@code server <name> http://127.0.0.1:<port>} for each server it starts. */
    private static String hostPort(final String out, final String server) {
        return lineValue(out, "server " + server).substring("http://".length());
    }

    private static String lineValue(final String out, final String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix + " ")).findFirst()
            .map(l -> l.substring(prefix.length() + 1)).orElseThrow(() -> new AssertionError(prefix + " in " + out));
    }

    @SuppressWarnings("unchecked")
    private static List<String> recommendations(final Map<String, Object> finding) {
        return (List<String>) finding.get("recommendations");
    }
}
