package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttachCommandTest {
    private static final String JAR = CapturedRun.JAR;

    @Test
    void shouldLoadJarWithJoinedSettingsWhenAgentIsAbsent() {
        final FakeTarget target = new FakeTarget("17");
        final CapturedRun run = CapturedRun.on(target, "attach", "4242", "report.dir=/tmp/r", "log.level=info");
        assertEquals(new CapturedRun(0, "helix-agent 1.2.3 attached to 4242\n", ""), run);
        assertEquals(List.of(JAR + "=report.dir=/tmp/r,log.level=info"), target.loads);
    }

    @Test
    void shouldRefuseWithoutLoadingWhenJavaIsOlderThan17() {
        final FakeTarget target = new FakeTarget("1.8");
        final CapturedRun run = CapturedRun.on(target, "attach", "4242");
        assertEquals(new CapturedRun(1, "", "helix-agent: JVM 4242 runs Java 1.8.0.1, and helix-agent needs Java 17"
            + " or newer; run the application on Java 17+ to use helix-agent\n"), run);
        assertTrue(target.loads.isEmpty());
    }

    @Test
    void shouldApplySettingsAndFailWhenAgentAlreadyRuns() {
        final FakeTarget target = FakeTarget.withAgent();
        final CapturedRun run = CapturedRun.on(target, "attach", "4242", "report.interval=10s");
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent 1.2.3 was already attached to 4242; applied"
            + " the new settings report.interval=10s to it instead of loading it twice\n"), run);
        assertEquals(List.of(JAR + "=report.interval=10s"), target.loads);
    }

    @Test
    void shouldNotLoadAndFailWhenAgentAlreadyRunsAndNoSettingsGiven() {
        final FakeTarget target = FakeTarget.withAgent();
        final CapturedRun run = CapturedRun.on(target, "attach", "4242");
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent 1.2.3 was already attached to 4242; to change"
            + " its settings give key=value arguments, or use status, report or detach\n"), run);
        assertTrue(target.loads.isEmpty());
    }

    @Test
    void shouldFailWithNotStartedLineWhenAgentDoesNotStart() {
        final FakeTarget target = new FakeTarget("25");
        target.agentStartsOnLoad = false;
        final CapturedRun run = CapturedRun.on(target, "attach", "4242", "strict=true", "report.interval=soon");
        assertEquals(new CapturedRun(1, "", "helix-agent: helix-agent did not start in JVM 4242; the reason is in"
            + " that process's standard error (a line starting with helix-agent:)\n"), run);
    }

    @Test
    void shouldTellTooOldOnlyWhenVersionIsKnownToBeOld() {
        assertTrue(AttachCommand.isTooOld("1.8"));
        assertTrue(AttachCommand.isTooOld("11"));
        assertTrue(AttachCommand.isTooOld("16"));
        assertFalse(AttachCommand.isTooOld("17"));
        assertFalse(AttachCommand.isTooOld("25"));
        assertFalse(AttachCommand.isTooOld(""));
        assertFalse(AttachCommand.isTooOld("unknown"));
    }
}
