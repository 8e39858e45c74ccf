package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cache.hit-rate} on the cache samples with {@code -javaagent} and default settings, on every JDK of the
 * matrix: the finding names the cache, its creator and the likely cause with the numbers behind it, within 10 s of
 * the moment the sample starts missing. Caffeine runs on its oldest supported version as well.
 */
class CacheIT {
    private static final String SAMPLES = "io.helixagent.samples.";
    private static final Duration DETECTION_LIMIT = Duration.ofSeconds(10);

    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportCaffeineCacheTooSmallForItsKeys(final Jdk jdk) throws Exception {
        assertTooSmall(run(HostJvm.sample(jdk, SAMPLES + "CaffeineMissSample"), "caffeine-3."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportCaffeineCacheTooSmallOnCaffeine29(final Jdk jdk, @TempDir final Path dir) throws Exception {
        final Path samplesWithoutLibraries = Files.copy(HostJvm.samplesJar(), dir.resolve("helix-samples.jar"));
        final HostJvm.Builder host = HostJvm.sample(jdk, SAMPLES + "CaffeineMissSample")
            .samplesFrom(samplesWithoutLibraries).classpath(Path.of(System.getProperty("helix.caffeine.legacy")));
        if (jdk.feature() >= 23) {
            // Caffeine 2.9 itself uses sun.misc.Unsafe, which newer JDKs warn about; stderr is kept for the agent
            host.jvmArg("--sun-misc-unsafe-memory-access=allow");
        }
        assertTooSmall(run(host, "caffeine-2.9.3.jar"));
    }

    private static void assertTooSmall(final Map<String, Object> finding) {
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith("Caffeine cache #") && subject.contains(
            " (created at io.helixagent.samples.CaffeineMissSample.main(CaffeineMissSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals("too-small", evidence.get("cause"), evidence.toString());
        assertEquals(100.0, evidence.get("maximumSize"));
        assertTrue((Double) evidence.get("hitRate") < 0.3, evidence.toString());
        assertTrue((Double) evidence.get("gets") >= 1000, evidence.toString());
        assertTrue((Double) evidence.get("evictions") > 0.8 * (Double) evidence.get("misses"), evidence.toString());
        assertEquals(500, (Double) evidence.get("distinctKeys"), 50, evidence.toString());
        assertTrue(recommendations(finding).get(0).startsWith("Increase the cache size: it holds at most 100 entries"),
            finding.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportGuavaCacheWhoseTtlIsTooShort(final Jdk jdk) throws Exception {
        final Map<String, Object> finding = run(HostJvm.sample(jdk, SAMPLES + "GuavaMissSample"), "onset");
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith("Guava cache #") && subject.contains(
            " (created at io.helixagent.samples.GuavaMissSample.main(GuavaMissSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals("ttl-too-short", evidence.get("cause"), evidence.toString());
        assertEquals(1.0, evidence.get("expireAfterWriteSec"));
        assertEquals("unbounded", evidence.get("maximumSize"));
        assertTrue((Double) evidence.get("hitRate") < 0.3, evidence.toString());
        assertTrue((Double) evidence.get("expirations") > 0.5 * (Double) evidence.get("misses"), evidence.toString());
        assertTrue(recommendations(finding).get(0).contains("expireAfterWrite(Duration.ofSeconds("),
            finding.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportReadThroughJCacheByNameWithTheLoadsInsideItsGets(final Jdk jdk) throws Exception {
        final Map<String, Object> finding = run(HostJvm.sample(jdk, SAMPLES + "JCacheMissSample"), "onset");
        assertEquals("CRITICAL", finding.get("severity"), finding.toString());
        final String subject = (String) finding.get("subject");
        assertTrue(subject.startsWith(
            "prices (created at io.helixagent.samples.JCacheMissSample.main(JCacheMissSample.java:"), subject);
        final Map<String, Object> evidence = ReportJson.evidence(finding);
        assertEquals("ttl-too-short", evidence.get("cause"), evidence.toString());
        assertEquals("JCache", evidence.get("library"));
        assertEquals(1.0, evidence.get("expireAfterWriteSec"));
        assertTrue((Double) evidence.get("hitRate") < 0.3, evidence.toString());
        assertTrue((Double) evidence.get("loads") > 0.8 * (Double) evidence.get("misses"),
            "every get returns a value: its misses are the loads inside it; " + evidence);
    }

    /**
     * Runs a sample for 12 s with default settings and returns its one {@code cache.hit-rate} finding, after
     * checking that the sample printed {@code expectedOutput} and that the finding opened within 10 s of onset.
     */
    private static Map<String, Object> run(final HostJvm.Builder builder, final String expectedOutput)
        throws Exception {
        try (HostJvm host = builder.withAgent("report.interval=0").args("--seconds", "12").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(90)), host.output());
            assertEquals("", host.stderr(), "the agent must print nothing into a host it supports");
            final String out = host.stdout();
            assertTrue(out.contains(expectedOutput), out);
            final Instant onset = Instant.parse(out.lines().filter(l -> l.startsWith("onset ")).findFirst()
                .orElseThrow().substring("onset ".length()));
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final List<Map<String, Object>> findings = report.findings("cache.hit-rate");
            assertEquals(1, findings.size(), report.findings().toString());
            final Map<String, Object> finding = findings.get(0);
            final Duration detection = Duration.between(onset, Instant.parse((String) finding.get("firstSeen")));
            assertTrue(detection.compareTo(DETECTION_LIMIT) <= 0, "detected " + detection + " after onset");
            PremainIT.assertAccountingExact(report);
            PremainIT.assertSchema(report);
            return finding;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> recommendations(final Map<String, Object> finding) {
        return (List<String>) finding.get("recommendations");
    }
}
