package io.helixagent.agent.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the command line knows of a pid before it attaches, so that a typo fails fast and the failure can
 * say why: the CLI's own pid, no such process, or a process that is certainly no JVM. The attach API itself
 * would wait 5 to 10 s on a process that is not a JVM before it gives up.
 *
 * @param pid      the process id.
 * @param knownJvm whether it is known to be a HotSpot JVM: the attach API lists it, or it has a jvmstat file
 *                 (a JVM that refuses attach has one but is not listed; one run with {@code -XX:-UsePerfData}
 *                 or in another container has neither).
 * @param owner    the user it runs as, or null when the OS does not say.
 * @param command  its executable, or null when the OS does not say.
 */
record TargetProcess(long pid, boolean knownJvm, String owner, String command) {
    /** SIGQUIT, which every JVM catches: it is how the attach handshake wakes the target up. */
    private static final int SIGQUIT = 3;
    private static final String CAUGHT_SIGNALS = "SigCgt:";

    /**
     * Looks at {@code pid} before attaching.
     *
     * @return what the OS says about it.
     * @throws CliException for the CLI's own pid, a pid without a live process, or a process that is not a JVM.
     */
    static TargetProcess inspect(final long pid) throws CliException {
        if (pid == ProcessHandle.current().pid()) {
            throw Failures.ownPid(pid);
        }
        final ProcessHandle handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            .orElseThrow(() -> Failures.noSuchProcess(pid));
        final String owner = handle.info().user().orElse(null);
        final TargetProcess process = new TargetProcess(pid, isListedJvm(pid) || hasPerfData(pid, owner), owner,
            handle.info().command().orElse(null));
        if (!process.knownJvm() && ignoresQuitSignal(Path.of("/proc", Long.toString(pid), "status"))) {
            throw Failures.notJava(process);
        }
        return process;
    }

    private static boolean isListedJvm(final long pid) {
        final String id = Long.toString(pid);
        return VirtualMachine.list().stream().anyMatch(descriptor -> descriptor.id().equals(id));
    }

    /** The jvmstat file every HotSpot JVM writes unless run with {@code -XX:-UsePerfData}. */
    private static boolean hasPerfData(final long pid, final String owner) {
        return owner != null && Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "hsperfdata_" + owner,
            Long.toString(pid)));
    }

    /**
     * Reads the caught-signal mask of Linux's {@code /proc/<pid>/status}, as the JDK's attach code does itself.
     *
     * @return true only when the mask is readable and lacks SIGQUIT; elsewhere false, and attaching decides.
     */
    static boolean ignoresQuitSignal(final Path procStatus) {
        try {
            final List<String> lines = Files.readAllLines(procStatus);
            for (final String line : lines) {
                if (line.startsWith(CAUGHT_SIGNALS)) {
                    final long caught = Long.parseUnsignedLong(line.substring(CAUGHT_SIGNALS.length()).trim(), 16);
                    return (caught & (1L << (SIGQUIT - 1))) == 0;
                }
            }
        } catch (final IOException | RuntimeException notLinuxOrGone) {
            // no /proc, or the process just ended: let the attach attempt tell
        }
        return false;
    }
}
