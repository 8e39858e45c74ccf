package io.helixagent.agent.cli;

import static io.helixagent.agent.cli.ArgumentParser.PROGRAM;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import io.helixagent.agent.jmx.AgentMXBean;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import javax.management.InstanceNotFoundException;
import javax.management.JMRuntimeException;
import javax.management.MBeanException;
import javax.management.ReflectionException;

/**
 * Every failure line of the command line other than bad usage (exit 1), and the mapping of attach-API, JMX
 * and agent exceptions onto them. Kept in one place so that {@code docs/cli.md} and the tests can list them
 * all, and so that no exception ever reaches the user as a stack trace.
 */
final class Failures {
    private static final String FIND_PIDS = "find JVM pids with: " + PROGRAM + " list";
    private static final String SEE_TARGET_STDERR = "the reason is in that process's standard error";

    private Failures() {
    }

    /** The pid given is the command line's own process. */
    static CliException ownPid(final long pid) {
        return CliException.failure(pid + " is this command's own process; give the pid of another JVM ("
            + FIND_PIDS + ")");
    }

    /** No live process has that pid. */
    static CliException noSuchProcess(final long pid) {
        return CliException.failure("no process with pid " + pid + "; " + FIND_PIDS);
    }

    /** The process exists but does not answer the attach handshake as a JVM does. */
    static CliException notJava(final TargetProcess process) {
        final String command = process.command() == null ? "" : " (" + process.command() + ")";
        return CliException.failure("process " + process.pid() + command + " is not a Java process, or attaching"
            + " to it is disabled; " + FIND_PIDS);
    }

    /** A JVM started with {@code -XX:+DisableAttachMechanism}. */
    static CliException attachDisabled(final long pid) {
        return CliException.failure("JVM " + pid + " does not allow attaching (-XX:+DisableAttachMechanism);"
            + " restart it without that flag, or start it with -javaagent:helix-agent.jar");
    }

    /** A JVM that runs as another user than the command line. */
    static CliException otherUser(final long pid, final String owner) {
        return CliException.failure("JVM " + pid + " runs as user " + owner + ", and only that user can attach to"
            + " it; run this command as " + owner + " (e.g. sudo -u " + owner + " " + PROGRAM + " ...)");
    }

    /** A JVM older than the agent supports. */
    static CliException tooOld(final long pid, final String javaVersion) {
        return CliException.failure("JVM " + pid + " runs Java " + javaVersion + ", and helix-agent needs Java 17"
            + " or newer; run the application on Java 17+ to use helix-agent");
    }

    /** {@code status}, {@code report} or {@code detach} on a JVM without the agent. */
    static CliException notLoaded(final long pid) {
        return CliException.failure("helix-agent is not loaded in " + pid + "; attach it first: " + PROGRAM
            + " attach " + pid);
    }

    /** The agent runs but its MBean is not registered. */
    static CliException mbeanMissing(final long pid) {
        return CliException.failure("helix-agent runs in JVM " + pid + ", but its MBean " + AgentMXBean.OBJECT_NAME
            + " is not registered; " + SEE_TARGET_STDERR);
    }

    /** The agent was loaded but did not start (strict settings, another version's bridge, ...). */
    static CliException notStarted(final long pid) {
        return CliException.failure("helix-agent did not start in JVM " + pid + "; " + SEE_TARGET_STDERR
            + " (a line starting with helix-agent:)");
    }

    /** {@code attach} to a JVM whose agent already runs: it applied {@code options} instead of loading twice. */
    static CliException alreadyAttached(final long pid, final String version, final String options) {
        final String prefix = "helix-agent " + version + " was already attached to " + pid + "; ";
        return CliException.failure(options.isEmpty()
            ? prefix + "to change its settings give key=value arguments, or use status, report or detach"
            : prefix + "applied the new settings " + options + " to it instead of loading it twice");
    }

    /** Maps a failed {@code VirtualMachine.attach}. */
    static CliException attachFailed(final TargetProcess process, final Exception ex) {
        final long pid = process.pid();
        if (ex instanceof AttachNotSupportedException) {
            return process.knownJvm() ? attachDisabled(pid) : notJava(process);
        }
        if (process.owner() != null && !process.owner().equals(System.getProperty("user.name"))) {
            return otherUser(pid, process.owner());
        }
        final String reason = describe(ex);
        if (reason.contains("ermission") || reason.contains("not permitted") || reason.contains("not secure")) {
            return CliException.failure("not permitted to attach to JVM " + pid + " (" + reason + "); run this"
                + " command as the user that started that JVM");
        }
        return connectionFailed(pid, ex);
    }

    /** Maps a failed {@code VirtualMachine.loadAgent}. */
    static CliException loadFailed(final long pid, final String jarPath, final Exception ex) {
        final String reason = describe(ex);
        if (ex instanceof AgentLoadException && reason.contains("EnableDynamicAgentLoading")) {
            return CliException.failure("JVM " + pid + " does not allow loading agents while it runs"
                + " (-XX:-EnableDynamicAgentLoading); restart it without that flag, or start it with -javaagent:"
                + jarPath);
        }
        if (ex instanceof AgentLoadException) {
            return CliException.failure("JVM " + pid + " could not load " + jarPath + " (" + reason + "); check"
                + " that the user running that JVM can read the file");
        }
        if (ex instanceof AgentInitializationException) {
            return CliException.failure("helix-agent failed to start in JVM " + pid + "; " + SEE_TARGET_STDERR);
        }
        return connectionFailed(pid, ex);
    }

    /** The attach or JMX connection to a JVM could not be made, or broke off. */
    static CliException connectionFailed(final long pid, final Exception ex) {
        return CliException.failure("could not talk to JVM " + pid + " (" + describe(ex) + "); check that"
            + " it is still running and responsive, then try again");
    }

    /** A Java runtime without the {@code jdk.attach} module, such as a trimmed-down JRE image. */
    static CliException noAttachApi(final NoClassDefFoundError ex) {
        return CliException.failure("this Java runtime lacks the attach API (" + describe(ex) + " not found); run"
            + " the command with the java of a full JDK, which has the jdk.attach module");
    }

    /**
     * Maps what reached the top of a command: a failed call on the agent's MBean (the connection broke, the MBean
     * went away because of a detach meanwhile, or the agent failed and said why), else a bug of the command line,
     * still told in one line.
     */
    static CliException unexpected(final long pid, final RuntimeException ex) {
        if (!(ex instanceof AgentCallException)) {
            return CliException.failure("unexpected " + ex.getClass().getSimpleName() + ": " + describe(ex)
                + "; please report this with the command that you ran");
        }
        final Throwable cause = ex.getCause() instanceof UndeclaredThrowableException
            ? ((UndeclaredThrowableException) ex.getCause()).getUndeclaredThrowable() : ex.getCause();
        if (cause instanceof IOException) {
            return connectionFailed(pid, (IOException) cause);
        }
        if (cause instanceof InstanceNotFoundException) {
            return notLoaded(pid);
        }
        return CliException.failure("helix-agent in JVM " + pid + " failed: " + describe(cause)
            + "; more may be in that process's standard error");
    }

    /**
     * The words of the exception that matters: wrappers of reflection and JMX are looked through, the message of
     * what they wrap is kept (the agent's own messages already name the file or setting at fault).
     *
     * @return that message, or its type when it has none.
     */
    static String describe(final Throwable ex) {
        Throwable shown = ex;
        while (isWrapper(shown) && shown.getCause() != null) {
            shown = shown.getCause();
        }
        final String message = shown.getMessage();
        return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
    }

    private static boolean isWrapper(final Throwable ex) {
        return ex instanceof UndeclaredThrowableException || ex instanceof InvocationTargetException
            || ex instanceof MBeanException || ex instanceof ReflectionException || ex instanceof JMRuntimeException;
    }
}
