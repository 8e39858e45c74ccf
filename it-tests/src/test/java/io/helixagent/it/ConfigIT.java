package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings from a real host's command line: bad input costs one line each and never the host. */
class ConfigIT {
    private static final Jdk JDK = Jdk.matrix().get(0);
    private static final String HEALTHY = "io.helixagent.samples.HealthySample";

    @Test
    void shouldPrintOneLinePerBadSettingAndRunWithDefaults() throws Exception {
        try (HostJvm host = HostJvm.sample(JDK, HEALTHY)
            .withAgent("bogus=1,report.interval=soon,report.formats=json").args("--seconds", "2").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals(List.of("helix-agent: ignoring bogus=1: unknown key",
                "helix-agent: ignoring report.interval=soon: not a duration (such as 250ms, 10s, 5m, 1h)"),
                host.stderr().lines().toList());
            assertTrue(host.stdout().contains("requests handled"), host.output());
            try (var files = Files.list(host.workDir().resolve("helix-reports"))) {
                assertEquals(1, files.filter(p -> p.toString().endsWith(".json")).count());
            }
        }
    }

    @Test
    void shouldRefuseToStartButKeepTheHostRunningWhenStrict() throws Exception {
        try (HostJvm host = HostJvm.sample(JDK, HEALTHY).withAgent("strict=true,jfr=maybe")
            .args("--seconds", "1").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            final List<String> lines = host.stderr().lines().toList();
            assertEquals(1, lines.size(), host.output());
            assertTrue(lines.get(0).startsWith("helix-agent: not started (strict=true): "), lines.get(0));
            assertTrue(lines.get(0).contains("jfr=maybe"), lines.get(0));
            assertTrue(host.stdout().contains("helix-agent is not running in this JVM"), host.output());
            assertFalse(Files.exists(host.workDir().resolve("helix-reports")));
        }
    }

    @Test
    void shouldTakeSettingsFromSystemPropertiesEnvironmentAndFileByPrecedence() throws Exception {
        final Path work = Files.createTempDirectory("helix-config-it");
        final Path file = work.resolve("helix.properties");
        Files.writeString(file, "report.dir=from-file\nreport.formats=md\napp.name=from-file\n");
        try (HostJvm host = HostJvm.sample(JDK, HEALTHY).workDir(work)
            .withAgent("config=" + file + ",app.name=from-args")
            .jvmArg("-Dhelix.report.dir=from-sysprop").args("--seconds", "1").start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            assertEquals("", host.stderr());
            final Path dir = work.resolve("from-sysprop");
            assertTrue(Files.exists(dir.resolve("helix-report-from-args-" + host.pid() + ".md")), host.output());
            try (var files = Files.list(dir)) {
                assertEquals(1, files.count(), "report.formats=md from the file applies");
            }
        }
    }

    @Test
    void shouldRewriteReportsPeriodically() throws Exception {
        try (HostJvm host = HostJvm.sample(JDK, HEALTHY).withAgent("report.interval=1s,report.formats=json")
            .args("--seconds", "30").start()) {
            final Path json = host.workDir().resolve("helix-reports")
                .resolve("helix-report-HealthySample-" + host.pid() + ".json");
            final long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!Files.exists(json) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(Files.exists(json), "no periodic report within 15 s\n" + host.output());
            final String first = Files.readString(json);
            Thread.sleep(2500);
            assertFalse(first.equals(Files.readString(json)), "the report must be rewritten every second");
            assertTrue(host.isAlive());
        }
    }
}
