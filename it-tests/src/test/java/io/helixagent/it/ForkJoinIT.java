package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A ForkJoinPool given blocking work, found by {@code pool.saturation} with its parallelism and waits. */
class ForkJoinIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportForkJoinPoolThatCannotKeepUp(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.ForkJoinSaturationSample")
            .withAgent("report.interval=0").args("--seconds", "10").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final List<Map<String, Object>> findings = report.findings("pool.saturation");
            assertEquals(1, findings.size(), report.findings().toString());
            final Map<String, Object> finding = findings.get(0);
            assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
            assertTrue(((String) finding.get("subject")).startsWith("ForkJoinPool-1-worker (created at "
                + "io.helixagent.samples.ForkJoinSaturationSample.main(ForkJoinSaturationSample.java:"), finding.toString());
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertEquals(2.0, evidence.get("maxThreads"));
            assertEquals("unbounded", evidence.get("queueCapacity"));
            assertTrue((Double) evidence.get("waitEstimateMs") > 1000, evidence.toString());
            assertTrue((Double) evidence.get("arrivalsPerSec") > 25, evidence.toString());
            assertTrue(finding.get("recommendations").toString().contains("Move blocking work off the ForkJoinPool"),
                finding.toString());
            assertTrue(report.subjects().stream().anyMatch(s -> ((String) s.get("name"))
                .startsWith("ForkJoinPool.commonPool (created at java.util.concurrent.ForkJoinPool.commonPool())")), report.subjects().toString());
            PremainIT.assertAccountingExact(report);
        }
    }
}
