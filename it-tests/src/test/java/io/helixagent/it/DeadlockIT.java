package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two deadlocks, one on monitors and one on ReentrantLocks, each found CRITICAL within 5 s with its stacks. */
class DeadlockIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportBothDeadlocksWithEveryThreadAndStack(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.DeadlockSample")
            .withAgent("report.interval=0").args("--seconds", "6").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final List<Map<String, Object>> findings = report.findings("locks.deadlock");
            assertEquals(2, findings.size(), report.findings().toString());
            final Instant jvmStart = Instant.parse((String) report.section("jvm").get("startTime"));
            for (final List<String> pair : List.of(List.of("transfer-a-to-b", "transfer-b-to-a"),
                List.of("ledger-writer", "audit-writer"))) {
                final Map<String, Object> finding = findings.stream()
                    .filter(f -> ((String) f.get("subject")).contains(pair.get(0))).findFirst().orElseThrow();
                assertEquals("CRITICAL", finding.get("severity"));
                assertTrue(((String) finding.get("subject")).contains(pair.get(1)), finding.toString());
                final Map<String, Object> evidence = ReportJson.evidence(finding);
                assertEquals(2.0, evidence.get("threadCount"));
                assertTrue(evidence.get("threads").toString().contains("io.helixagent.samples.DeadlockSample."),
                    "stacks name the sample's code: " + evidence);
                final Instant firstSeen = Instant.parse((String) finding.get("firstSeen"));
                assertTrue(Duration.between(jvmStart, firstSeen).toSeconds() <= 6, "found within 5 s of the "
                    + "deadlock, which forms in the JVM's first second: " + firstSeen + " vs start " + jvmStart);
            }
        }
    }
}
