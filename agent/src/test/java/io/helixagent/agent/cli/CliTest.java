package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.bridge.Probes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.rmi.ConnectException;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void shouldPrintHelpAndExitZeroWhenAskedForHelp() {
        for (final String flag : new String[] {"--help", "-h", "help"}) {
            final CapturedRun run = CapturedRun.of(flag);
            assertEquals(0, run.exitCode(), flag);
            assertEquals("", run.err(), flag);
            assertHelp(run.out());
        }
    }

    @Test
    void shouldPrintHelpAndOneErrorLineAndExitTwoWhenNoArguments() {
        final CapturedRun run = CapturedRun.of();
        assertEquals(2, run.exitCode());
        assertHelp(run.out());
        assertEquals("helix-agent: no command given; run java -jar helix-agent.jar --help for the commands\n",
            run.err());
    }

    @Test
    void shouldPrintVersionWhenAskedForVersion() {
        final CapturedRun run = CapturedRun.of("--version");
        assertEquals(new CapturedRun(0, "helix-agent " + Probes.BRIDGE_VERSION + "\n", ""), run);
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenUsageIsBad() {
        final CapturedRun run = CapturedRun.of("status", "abc");
        assertEquals(new CapturedRun(2, "", "helix-agent: invalid pid 'abc': a pid is a positive number (find it"
            + " with: java -jar helix-agent.jar list); usage: java -jar helix-agent.jar status <pid>\n"), run);
    }

    @Test
    void shouldFailWithOwnPidLineWhenPidIsThisProcess() {
        final long self = ProcessHandle.current().pid();
        for (final String command : new String[] {"attach", "status", "report", "detach"}) {
            assertEquals(new CapturedRun(1, "", "helix-agent: " + self + " is this command's own process; give the"
                + " pid of another JVM (find JVM pids with: java -jar helix-agent.jar list)\n"),
                CapturedRun.of(command, Long.toString(self)), command);
        }
    }

    @Test
    void shouldFailWithNoSuchProcessLineWhenPidIsDead() throws IOException, InterruptedException {
        final Process ended = new ProcessBuilder("true").start();
        assertTrue(ended.waitFor(10, TimeUnit.SECONDS));
        final long pid = ended.pid();
        assertEquals(new CapturedRun(1, "", "helix-agent: no process with pid " + pid
            + "; find JVM pids with: java -jar helix-agent.jar list\n"), CapturedRun.of("status", Long.toString(pid)));
    }

    @Test
    void shouldFailWithNotJavaLineWhenProcessIsNoJvm() throws IOException {
        final Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            final String command = sleep.info().command().map(c -> " (" + c + ")").orElse("");
            final CapturedRun run = CapturedRun.of("attach", Long.toString(sleep.pid()));
            assertEquals(new CapturedRun(1, "", "helix-agent: process " + sleep.pid() + command + " is not a Java"
                + " process, or attaching to it is disabled; find JVM pids with: java -jar helix-agent.jar list\n"),
                run);
            assertTrue(sleep.isAlive(), "a failed attach must leave the process alone");
        } finally {
            sleep.destroy();
        }
    }

    @Test
    void shouldAttachAndCloseTargetWhenTargetAccepts() {
        final FakeTarget target = new FakeTarget("21");
        assertEquals(new CapturedRun(0, "helix-agent 1.2.3 attached to 4242\n", ""),
            CapturedRun.on(target, "attach", "4242", "report.interval=0"));
        assertTrue(target.closed);
    }

    @Test
    void shouldFailWithNotLoadedLineWhenAgentIsNotLoaded() {
        final FakeTarget target = new FakeTarget("17");
        final String line = "helix-agent: helix-agent is not loaded in 4242; attach it first:"
            + " java -jar helix-agent.jar attach 4242\n";
        for (final String command : new String[] {"status", "report", "detach"}) {
            assertEquals(new CapturedRun(1, "", line), CapturedRun.on(target, command, "4242"), command);
        }
        assertTrue(target.closed);
    }

    @Test
    void shouldFailWithMbeanLineWhenMbeanIsMissing() {
        final FakeTarget target = FakeTarget.withAgent();
        target.mbeanRegistered = false;
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent runs in JVM 4242, but its MBean"
            + " io.helixagent:type=Agent is not registered; the reason is in that process's standard error\n"),
            CapturedRun.on(target, "status", "4242"));
    }

    @Test
    void shouldPrintAbsoluteReportPathsWhenReportSucceeds() {
        final FakeTarget target = FakeTarget.withAgent();
        assertEquals(new CapturedRun(0, "/srv/shop/helix-reports/helix-report-shop-4242.json\n"
            + "/abs/helix-report-shop-4242.md\n", ""), CapturedRun.on(target, "report", "4242"));
        assertEquals("writeReport", target.agent.calls.get(0));
    }

    @Test
    void shouldWriteIntoOutDirectoryWhenOutIsGiven() {
        final FakeTarget target = FakeTarget.withAgent();
        assertEquals(0, CapturedRun.on(target, "report", "4242", "--out", "/tmp/helix-out").exitCode());
        assertEquals("writeReportTo /tmp/helix-out", target.agent.calls.get(0));
    }

    @Test
    void shouldPrintFinalReportsWhenDetached() {
        final FakeTarget target = FakeTarget.withAgent();
        assertEquals(new CapturedRun(0, "helix-agent detached from 4242; final reports:\n"
            + "/srv/shop/helix-reports/helix-report-shop-4242.json\n/abs/helix-report-shop-4242.md\n", ""),
            CapturedRun.on(target, "detach", "4242"));
        assertEquals("detach", target.agent.calls.get(0));
    }

    @Test
    void shouldPrintAgentReasonWhenAgentOperationFails() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.failure = new UncheckedIOException("cannot write reports to /ro: AccessDeniedException /ro",
            new IOException("/ro"));
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent in JVM 4242 failed: cannot write reports to"
            + " /ro: AccessDeniedException /ro; more may be in that process's standard error\n"),
            CapturedRun.on(target, "report", "4242"));
    }

    @Test
    void shouldPrintConnectionLineWhenTargetGoesAwayDuringCall() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.failure = new UndeclaredThrowableException(new ConnectException("Connection refused"));
        final CapturedRun run = CapturedRun.on(target, "detach", "4242");
        assertEquals(new CapturedRun(1, "", "helix-agent: could not talk to JVM 4242 (Connection refused);"
            + " check that it is still running and responsive, then try again\n"), run);
    }

    @Test
    void shouldSayNotLoadedWhenAgentIsDetachedDuringCall() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.failure = new UndeclaredThrowableException(new InstanceNotFoundException(
            "io.helixagent:type=Agent"));
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent is not loaded in 4242; attach it first:"
            + " java -jar helix-agent.jar attach 4242\n"), CapturedRun.on(target, "detach", "4242"));
    }

    @Test
    void shouldPrintOneLineWithoutStackTraceWhenCommandLineHasBug() {
        final FakeTarget target = FakeTarget.withAgent();
        target.agent.activeFindings = null;
        final CapturedRun run = CapturedRun.on(target, "status", "4242");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("helix-agent: unexpected NullPointerException: "), run.err());
        assertTrue(run.err().endsWith("; please report this with the command that you ran\n"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private static void assertHelp(final String help) {
        assertTrue(help.startsWith("helix-agent " + Probes.BRIDGE_VERSION + ": "), help);
        for (final String expected : new String[] {"Usage: java -jar helix-agent.jar <command> [arguments]",
            "  list  ", "  attach <pid> [key=value ...]  ", "  status <pid>  ", "  report <pid> [--out <dir>]  ",
            "  detach <pid>  ", "  --help, -h, help  ", "  --version  ", "-javaagent:helix-agent.jar[=key=value,",
            "key=value", "docs/cli.md", "docs/configuration.md", "Exit codes: 0"}) {
            assertTrue(help.contains(expected), expected + " missing in:\n" + help);
        }
        assertFalse(help.lines().anyMatch(line -> line.length() > 100), help);
    }
}
