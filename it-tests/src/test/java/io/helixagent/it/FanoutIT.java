package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A council of five with one slow member, asked through invokeAll and CompletableFuture.allOf. */
class FanoutIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldNameTheStragglerOfEachFanoutCallSite(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.FanoutStragglerSample")
            .withAgent("report.interval=0").args("--seconds", "8").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final List<Map<String, Object>> findings = report.findings("fanout.straggler");
            assertEquals(2, findings.size(), report.findings().toString());
            for (final String site : List.of("askWithInvokeAll(FanoutStragglerSample.java:", "askWithAllOf(")) {
                final Map<String, Object> finding = findings.stream()
                    .filter(f -> ((String) f.get("subject")).contains(site)).findFirst().orElseThrow();
                assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
                final Map<String, Object> evidence = ReportJson.evidence(finding);
                assertEquals(3.0, evidence.get("slowestMemberIndex"), evidence.toString());
                assertEquals(5.0, evidence.get("members"));
                final double slow = (Double) evidence.get("slowestMemberMs");
                final double median = (Double) evidence.get("medianMemberMs");
                assertTrue(slow >= 380 && slow < 600 && median >= 45 && median < 150, evidence.toString());
            }
            assertTrue(report.findings("pool.saturation").stream().noneMatch(f -> !"INFO".equals(f.get("severity"))),
                "five members on five threads never saturate the pool: " + report.findings());
        }
    }
}
