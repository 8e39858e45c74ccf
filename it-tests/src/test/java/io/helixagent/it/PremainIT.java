package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code -javaagent} on the samples, on every JDK of the matrix. */
class PremainIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportSaturatedPoolWithItsNameCreatorAndNumbers(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.SaturatedPoolSample")
            .withAgent("report.interval=0").args("--seconds", "12").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(90)), host.output());
            assertTrue(host.stdout().contains("helix-agent report: "), host.output());
            assertEquals("", host.stderr(), "the agent must print nothing into a healthy start");
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final List<Map<String, Object>> findings = report.findings("pool.saturation");
            assertEquals(1, findings.size(), report.findings().toString());
            final Map<String, Object> finding = findings.get(0);
            assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
            final String subject = (String) finding.get("subject");
            assertTrue(subject.startsWith("order-worker (created at "), subject);
            assertTrue(subject.contains("io.helixagent.samples.SaturatedPoolSample.main(SaturatedPoolSample.java:"),
                subject);
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertEquals(50.0, evidence.get("queueCapacity"));
            assertEquals(2.0, evidence.get("maxThreads"));
            assertTrue((Double) evidence.get("queueFillRatio") >= 0.8, evidence.toString());
            assertTrue((Double) evidence.get("rejectedPerSec") > 10, evidence.toString());
            assertTrue((Double) evidence.get("runP50Ms") > 150 && (Double) evidence.get("runP50Ms") < 260,
                evidence.toString());
            assertTrue((Double) evidence.get("waitP99Ms") > 1000, evidence.toString());
            assertFalse(((List<?>) finding.get("recommendations")).isEmpty());
            assertAccountingExact(report);
            assertEquals("premain", report.section("agent").get("attachMode"));
            assertSchema(report);
        }
    }

    /** The keys of SPEC section 4, in order. */
    static void assertSchema(final ReportJson report) {
        assertEquals(List.of("schema", "generatedAt", "agent", "jvm", "pipeline", "findings", "subjects", "system",
            "timeline", "recoveryActions"), List.copyOf(report.root().keySet()));
        assertEquals("helix-report/1", report.root().get("schema"));
        assertEquals(List.of("version", "attachMode", "startedAt"), List.copyOf(report.section("agent").keySet()));
        assertEquals(List.of("pid", "app", "mainClass", "javaVersion", "vendor", "startTime", "uptimeMs",
            "maxHeapBytes", "cpus"), List.copyOf(report.section("jvm").keySet()));
        assertTrue(report.section("pipeline").keySet().containsAll(List.of("produced", "delivered", "dropped")));
        for (final Map<String, Object> finding : report.findings()) {
            assertEquals(List.of("detector", "severity", "subject", "title", "summary", "evidence", "recommendations",
                "firstSeen", "lastSeen", "active"), List.copyOf(finding.keySet()));
        }
        for (final Map<String, Object> subject : report.subjects()) {
            assertEquals(List.of("kind", "name", "createdAt", "metrics"), List.copyOf(subject.keySet()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldReportScheduledPoolThatFallsBehindItsSchedule(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.ScheduledBacklogSample")
            .withAgent("report.interval=0,jfr=off").args("--seconds", "8").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            final Map<String, Object> finding = report.findings("pool.saturation").get(0);
            assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
            assertTrue(((String) finding.get("subject")).startsWith("metrics-scheduler (created at "
                + "io.helixagent.samples.ScheduledBacklogSample.main("), finding.toString());
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertTrue((Double) evidence.get("waitP99Ms") > 1000, "runs start seconds late: " + evidence);
            assertTrue((Double) evidence.get("runP50Ms") >= 55, evidence.toString());
            assertEquals("off", report.section("system").get("jfr"), "jfr=off runs without the stream");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldStayQuietOnHealthySample(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.HealthySample")
            .withAgent("report.interval=0").args("--seconds", "10").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(90)), host.output());
            assertEquals("", host.stderr());
            final Path dir = host.workDir().resolve("helix-reports");
            final ReportJson report = ReportJson.in(dir);
            assertEquals(List.of(), report.warningsOrWorse());
            // the pools were watched: their timeline series stay for the whole run, even once the shut-down pools
            // have been collected before the report at exit
            final List<String> series = report.timelineSeries();
            for (final String pool : List.of("request-worker", "batch-worker", "heartbeat")) {
                assertTrue(series.contains("executor:" + pool + ":queued"), series.toString());
            }
            assertAccountingExact(report);
            try (var files = Files.list(dir)) {
                for (final Path file : files.toList()) {
                    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                        file.toString());
                }
            }
            final Set<PosixFilePermission> dirPermissions = Files.getPosixFilePermissions(dir);
            assertEquals(PosixFilePermissions.fromString("rwx------"), dirPermissions);
        }
    }

    static void assertAccountingExact(final ReportJson report) {
        final Map<String, Object> pipeline = report.section("pipeline");
        final double produced = (Double) pipeline.get("produced");
        assertTrue(produced > 0, pipeline.toString());
        assertEquals(produced, (Double) pipeline.get("delivered") + (Double) pipeline.get("dropped"),
            pipeline.toString());
    }
}
