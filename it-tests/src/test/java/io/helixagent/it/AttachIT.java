package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attach by PID to a running saturated sample: the pool created before the attach is picked up on its next
 * use, the finding shows in the CLI's report and status and in the JMX attribute, and detach leaves the
 * host running without the agent, ready for another attach.
 */
class AttachIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldFindSaturationAfterAttachAndDetachCleanly(final Jdk jdk) throws Exception {
        try (HostJvm host = HostJvm.sample(jdk, "io.helixagent.samples.SaturatedPoolSample")
            .args("--seconds", "120").start()) {
            Thread.sleep(1500);
            final Path work = host.workDir();
            final AgentCli.Result attach = AgentCli.run(jdk, work, "attach", Long.toString(host.pid()),
                "report.interval=0");
            assertEquals(0, attach.exitCode(), attach.toString());
            assertTrue(attach.stdout().contains("attached to " + host.pid()), attach.toString());

            final Map<String, Object> finding = awaitFinding(jdk, host, work.resolve("out"));
            assertTrue(Set.of("WARNING", "CRITICAL").contains(finding.get("severity")), finding.toString());
            assertEquals("order-worker (created before helix-agent attached)", finding.get("subject"));
            final Map<String, Object> evidence = ReportJson.evidence(finding);
            assertEquals(50.0, evidence.get("queueCapacity"));
            assertTrue((Double) evidence.get("rejectedPerSec") > 10, evidence.toString());

            final AgentCli.Result status = AgentCli.run(jdk, work, "status", Long.toString(host.pid()));
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.stdout().contains("pool.saturation") && status.stdout().contains("order-worker"),
                status.toString());

            final List<Map<String, String>> jmx = AgentJmxClient.activeFindings(host.pid());
            assertTrue(jmx.stream().anyMatch(f -> "pool.saturation".equals(f.get("detector"))
                && f.get("subject").startsWith("order-worker")), jmx.toString());

            final AgentCli.Result twice = AgentCli.run(jdk, work, "attach", Long.toString(host.pid()));
            assertEquals(1, twice.exitCode(), twice.toString());
            assertTrue(twice.stderr().startsWith("helix-agent: ") && twice.stderr().lines().count() == 1,
                twice.toString());

            final AgentCli.Result detach = AgentCli.run(jdk, work, "detach", Long.toString(host.pid()));
            assertEquals(0, detach.exitCode(), detach.toString());
            final AgentCli.Result after = AgentCli.run(jdk, work, "status", Long.toString(host.pid()));
            assertEquals(1, after.exitCode(), after.toString());
            assertTrue(after.stderr().contains("not loaded"), after.toString());
            assertTrue(host.isAlive(), host.output());

            final AgentCli.Result again = AgentCli.run(jdk, work, "attach", Long.toString(host.pid()));
            assertEquals(0, again.exitCode(), again.toString());
            final AgentCli.Result report = AgentCli.run(jdk, work, "report", Long.toString(host.pid()));
            assertEquals(0, report.exitCode(), report.toString());
            assertTrue(host.isAlive(), host.output());
        }
    }

    private static Map<String, Object> awaitFinding(final Jdk jdk, final HostJvm host, final Path out)
        throws Exception {
        Files.createDirectories(out);
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            final AgentCli.Result report = AgentCli.run(jdk, host.workDir(), "report", Long.toString(host.pid()),
                "--out", out.toString());
            last = report.toString();
            if (report.exitCode() == 0) {
                final String json = report.stdout().lines().filter(l -> l.endsWith(".json")).findFirst().orElseThrow();
                final List<Map<String, Object>> findings = ReportJson.of(Path.of(json)).findings("pool.saturation");
                if (!findings.isEmpty() && !"INFO".equals(findings.get(0).get("severity"))) {
                    return findings.get(0);
                }
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no pool.saturation finding within 20 s of attach; last report: " + last);
    }
}
