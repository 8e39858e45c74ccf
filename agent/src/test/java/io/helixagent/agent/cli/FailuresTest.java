package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.rmi.ConnectException;
import javax.management.InstanceNotFoundException;
import javax.management.ReflectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private static final String ME = System.getProperty("user.name");
    private static final TargetProcess KNOWN_JVM = new TargetProcess(31, true, ME, "/usr/bin/java");
    private static final TargetProcess UNKNOWN_PROCESS = new TargetProcess(31, false, ME, "/usr/bin/sleep");

    @Test
    void shouldSayAttachIsDisabledWhenKnownJvmRefusesAttach() {
        assertLine(1, "helix-agent: JVM 31 does not allow attaching (-XX:+DisableAttachMechanism); restart it"
            + " without that flag, or start it with -javaagent:helix-agent.jar", Failures.attachFailed(KNOWN_JVM,
            new AttachNotSupportedException("The VM does not support the attach mechanism")));
    }

    @Test
    void shouldSayNotJavaWhenUnknownProcessRefusesAttach() {
        assertLine(1, "helix-agent: process 31 (/usr/bin/sleep) is not a Java process, or attaching to it is"
            + " disabled; find JVM pids with: java -jar helix-agent.jar list", Failures.attachFailed(UNKNOWN_PROCESS,
            new AttachNotSupportedException("Unable to open socket file /tmp/.java_pid31")));
        assertLine(1, "helix-agent: process 31 is not a Java process, or attaching to it is disabled; find JVM pids"
            + " with: java -jar helix-agent.jar list", Failures.notJava(new TargetProcess(31, false, null, null)));
    }

    @Test
    void shouldNameOwnerWhenJvmOfAnotherUserCannotBeAttached() {
        final TargetProcess theirs = new TargetProcess(31, true, "not-" + ME, "/usr/bin/java");
        assertLine(1, "helix-agent: JVM 31 runs as user not-" + ME + ", and only that user can attach to it; run"
            + " this command as not-" + ME + " (e.g. sudo -u not-" + ME + " java -jar helix-agent.jar ...)",
            Failures.attachFailed(theirs, new IOException("Operation not permitted")));
    }

    @Test
    void shouldSayNotPermittedWhenOwnerIsUnknownAndAttachIsDenied() {
        final TargetProcess unknownOwner = new TargetProcess(31, true, null, null);
        final String reason = "well-known file /tmp/.java_pid31 is not secure: file's uid/gid (1001/1001) differ"
            + " from effective uid/gid (1000/1000)";
        assertLine(1, "helix-agent: not permitted to attach to JVM 31 (" + reason + "); run this command as the user"
            + " that started that JVM", Failures.attachFailed(unknownOwner, new IOException(reason)));
    }

    @Test
    void shouldSayConnectionLostWhenAttachFailsOtherwise() {
        assertLine(1, "helix-agent: could not talk to JVM 31 (Connection reset); check that it is still running"
            + " and responsive, then try again",
            Failures.attachFailed(KNOWN_JVM, new IOException("Connection reset")));
    }

    @Test
    void shouldExplainDynamicLoadingWhenTargetDisallowsIt() {
        assertLine(1, "helix-agent: JVM 31 does not allow loading agents while it runs"
            + " (-XX:-EnableDynamicAgentLoading); restart it without that flag, or start it with"
            + " -javaagent:/opt/helix-agent.jar",
            Failures.loadFailed(31, "/opt/helix-agent.jar", new AgentLoadException("Dynamic agent loading is not"
                + " enabled. Use -XX:+EnableDynamicAgentLoading to launch target VM.")));
    }

    @Test
    void shouldNameJarWhenTargetCannotLoadIt() {
        assertLine(1, "helix-agent: JVM 31 could not load /opt/helix-agent.jar (Agent JAR not found or no Agent-Class"
            + " attribute); check that the user running that JVM can read the file", Failures.loadFailed(31,
            "/opt/helix-agent.jar", new AgentLoadException("Agent JAR not found or no Agent-Class attribute")));
    }

    @Test
    void shouldPointToTargetStderrWhenAgentFailsToInitialize() {
        assertLine(1, "helix-agent: helix-agent failed to start in JVM 31; the reason is in that process's standard"
            + " error", Failures.loadFailed(31, "/opt/helix-agent.jar",
            new AgentInitializationException("Agent JAR loaded but agent failed to initialize")));
    }

    @Test
    void shouldShowAgentMessageWhenAgentCallThrows() {
        assertLine(1, "helix-agent: helix-agent in JVM 31 failed: cannot write reports to /x: NoSuchFileException /x;"
            + " more may be in that process's standard error", Failures.unexpected(31, callFailure(
            new UncheckedIOException("cannot write reports to /x: NoSuchFileException /x", new IOException("/x")))));
    }

    @Test
    void shouldSayConnectionLostWhenAgentCallLosesConnection() {
        assertLine(1, "helix-agent: could not talk to JVM 31 (Connection refused to host: 127.0.0.1); check that"
            + " it is still running and responsive, then try again", Failures.unexpected(31, callFailure(
            new UndeclaredThrowableException(new ConnectException("Connection refused to host: 127.0.0.1")))));
    }

    @Test
    void shouldSayNotLoadedWhenMbeanVanishesDuringCall() {
        assertLine(1, "helix-agent: helix-agent is not loaded in 31; attach it first: java -jar helix-agent.jar"
            + " attach 31", Failures.unexpected(31, callFailure(new UndeclaredThrowableException(
            new InstanceNotFoundException("io.helixagent:type=Agent")))));
    }

    @Test
    void shouldShowCauseWhenJmxCallFailsOtherwise() {
        assertLine(1, "helix-agent: helix-agent in JVM 31 failed: No such operation: writeReportTo; more may be in"
            + " that process's standard error", Failures.unexpected(31, callFailure(new UndeclaredThrowableException(
            new ReflectionException(new NoSuchMethodException("No such operation: writeReportTo"))))));
    }

    @Test
    void shouldCallItABugWhenExceptionDoesNotComeFromAgent() {
        assertLine(1, "helix-agent: unexpected IllegalStateException: multi line; please report this with the"
            + " command that you ran", Failures.unexpected(31, new IllegalStateException("multi\nline")));
    }

    @Test
    void shouldSayMissingAttachApiWhenJdkAttachIsAbsent() {
        assertLine(1, "helix-agent: this Java runtime lacks the attach API (com/sun/tools/attach/VirtualMachine not"
            + " found); run the command with the java of a full JDK, which has the jdk.attach module",
            Failures.noAttachApi(new NoClassDefFoundError("com/sun/tools/attach/VirtualMachine")));
    }

    @Test
    void shouldUseTypeWhenMessageIsMissing() {
        assertEquals("NullPointerException", Failures.describe(new UndeclaredThrowableException(
            new NullPointerException())));
    }

    private static RuntimeException callFailure(final RuntimeException thrown) {
        final FakeAgent agent = new FakeAgent();
        agent.failure = thrown;
        return assertThrows(AgentCallException.class, AgentCallException.attributing(agent)::writeReport);
    }

    private static void assertLine(final int exitCode, final String line, final CliException ex) {
        assertEquals(line, ex.getMessage());
        assertEquals(exitCode, ex.exitCode());
    }
}
