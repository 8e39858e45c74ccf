package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A heap too small for its live set: {@code gc.overhead} with the time in GC and the live heap. */
class GcOverheadIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportTimeLostToGarbageCollection(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.GcPressureSample").jvmArg("-Xmx64m")
            .withAgent("report.interval=0").args("--seconds", "10").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final Map<String, Object> finding = report.findings("gc.overhead").get(0);
            assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertTrue((Double) evidence.get("gcTimeRatio") >= 0.1, evidence.toString());
            assertTrue((Double) evidence.get("liveHeapRatio") >= 0.6, evidence.toString());
            assertEquals("JFR pauses", evidence.get("source"));
            assertTrue(finding.get("recommendations").toString().contains("raise -Xmx"), finding.toString());
        }
    }
}
