package io.helixagent.agent.cli;

import io.helixagent.agent.AgentRuntime;
import io.helixagent.agent.jmx.AgentMXBean;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The agent running in a target, as {@code status}, {@code report} and {@code detach} need it.
 *
 * @param pid        the target's process id.
 * @param bean       the agent's MBean.
 * @param workingDir the target's working directory: report paths relative to it are shown absolute.
 */
record RunningAgent(long pid, AgentMXBean bean, Path workingDir) {
    private static final String WORKING_DIR_PROPERTY = "user.dir";

    /**
     * Finds the agent in {@code target}: its version property first, so that a JVM without the agent is told
     * so without starting that JVM's JMX agent for nothing.
     *
     * @return the running agent.
     * @throws CliException when the agent is not loaded, its MBean is missing, or the target does not answer.
     */
    static RunningAgent in(final Target target) throws CliException {
        final Properties properties = target.systemProperties();
        if (properties.getProperty(AgentRuntime.VERSION_PROPERTY) == null) {
            throw Failures.notLoaded(target.pid());
        }
        final Path workingDir = Path.of(properties.getProperty(WORKING_DIR_PROPERTY, ""));
        return new RunningAgent(target.pid(), target.connectAgent(), workingDir);
    }

    /** Prints each report path on its own line, absolute, so that scripts can open them from anywhere. */
    void printPaths(final String[] paths, final PrintStream out) {
        for (final String path : paths) {
            out.println(workingDir.resolve(path));
        }
    }
}
