package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every failure of SPEC section 2, with real processes: one line on standard error that says what is wrong
 * and what to do, exit 2 for bad usage and 1 for the rest. Success paths are in {@link AttachIT}.
 */
class CliIT {
    private static final Jdk JDK = Jdk.matrix().get(0);
    private static Path work;

    @BeforeAll
    static void workDir() throws Exception {
        work = Files.createTempDirectory("helix-cli-it");
    }

    private static AgentCli.Result cli(final String... args) throws Exception {
        return AgentCli.run(JDK, work, args);
    }

    private static void assertOneLineFailure(final AgentCli.Result result, final int exitCode, final String start) {
        assertEquals(exitCode, result.exitCode(), result.toString());
        final List<String> lines = result.stderr().lines().toList();
        assertEquals(1, lines.size(), result.toString());
        assertTrue(lines.get(0).startsWith("helix-agent: " + start), result.toString());
    }

    @Test
    void shouldPrintHelpAndVersion() throws Exception {
        final AgentCli.Result help = cli("--help");
        assertEquals(0, help.exitCode(), help.toString());
        for (final String command : List.of("list", "attach", "status", "report", "detach")) {
            assertTrue(help.stdout().contains(command), help.toString());
        }
        assertTrue(help.stdout().contains("docs/cli.md"), help.toString());
        final AgentCli.Result version = cli("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("helix-agent "), version.toString());
    }

    @Test
    void shouldRejectBadUsageWithExitTwo() throws Exception {
        assertOneLineFailure(cli("frobnicate"), 2, "unknown command");
        assertOneLineFailure(cli("attach"), 2, "");
        assertOneLineFailure(cli("attach", "abc"), 2, "");
        assertOneLineFailure(cli("status", "-5"), 2, "");
        assertOneLineFailure(cli("report", "1", "--out"), 2, "");
        assertOneLineFailure(cli("attach", "1", "no-equals-sign"), 2, "");
        assertEquals(2, cli().exitCode());
    }

    @Test
    void shouldSaySoWhenThePidIsDead() throws Exception {
        final Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        assertOneLineFailure(cli("attach", Long.toString(gone.pid())), 1, "no process with pid " + gone.pid());
    }

    @Test
    void shouldSaySoWhenTheProcessIsNotAJvm() throws Exception {
        final Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertOneLineFailure(cli("attach", Long.toString(sleep.pid())), 1, "process " + sleep.pid());
            assertTrue(cli("status", Long.toString(sleep.pid())).stderr().contains("not a Java process"));
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void shouldSayAgentNotLoadedAndHandleAttachDisabled() throws Exception {
        try (HostJvm plain = HostJvm.sample(JDK, "io.helixagent.samples.HealthySample").args("--seconds", "60").start();
             HostJvm locked = HostJvm.sample(JDK, "io.helixagent.samples.HealthySample")
                 .jvmArg("-XX:+DisableAttachMechanism").args("--seconds", "60").start()) {
            Thread.sleep(1500);
            final String pid = Long.toString(plain.pid());
            for (final String command : List.of("status", "report", "detach")) {
                assertOneLineFailure(cli(command, pid), 1, "helix-agent is not loaded in " + pid
                    + "; attach it first: java -jar helix-agent.jar attach " + pid);
            }
            final AgentCli.Result list = cli("list");
            assertEquals(0, list.exitCode(), list.toString());
            assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith(pid + " ") && l.contains("HealthySample")
                && l.trim().endsWith("-")), list.toString());
            assertOneLineFailure(cli("attach", Long.toString(locked.pid())), 1,
                "JVM " + locked.pid() + " does not allow attaching (-XX:+DisableAttachMechanism)");
            assertTrue(plain.isAlive() && locked.isAlive());
        }
    }

    @Test
    void shouldApplySettingsInsteadOfLoadingTwice() throws Exception {
        try (HostJvm host = HostJvm.sample(JDK, "io.helixagent.samples.HealthySample").withAgent("report.interval=0")
            .args("--seconds", "60").start()) {
            Thread.sleep(1500);
            final String pid = Long.toString(host.pid());
            assertOneLineFailure(cli("attach", pid), 1, "helix-agent ");
            final AgentCli.Result again = cli("attach", pid, "report.interval=10s");
            assertOneLineFailure(again, 1, "helix-agent ");
            assertTrue(again.stderr().contains("applied the new settings report.interval=10s"), again.toString());
            final long deadline = System.nanoTime() + 5_000_000_000L;
            while (!host.stderr().contains("already running in this JVM") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(1, host.stderr().lines().count(), host.output());
            assertTrue(host.stderr().startsWith("helix-agent: already running in this JVM"), host.output());
            final AgentCli.Result status = cli("status", pid);
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.stdout().contains("premain"), status.toString());
        }
    }
}
