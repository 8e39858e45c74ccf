package io.helixagent.agent.cli;

import io.helixagent.agent.jmx.AgentMXBean;
import java.util.Properties;

/**
 * One JVM that a command works on, reached by pid. An interface so that the commands can be tested without a
 * second JVM; every method fails with the one line the user sees, never with an attach or JMX exception.
 */
interface Target extends AutoCloseable {
    /** Opens the target of a pid; the seam where tests put a fake. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param pid the JVM's process id.
         * @return the open target; the caller closes it.
         * @throws CliException when the pid is not a JVM this command can attach to.
         */
        Target open(long pid) throws CliException;
    }

    /** @return the process id, for messages. */
    long pid();

    /** @return the target's system properties now: its Java version and, while the agent runs, its version. */
    Properties systemProperties() throws CliException;

    /** Loads the agent jar into the target with {@code options} ({@code key=value,...}) as agent arguments. */
    void loadAgent(String jarPath, String options) throws CliException;

    /** @return the agent's MBean in the target, over JMX; fails when it is not registered. */
    AgentMXBean connectAgent() throws CliException;

    /** Lets go of the target: the JMX connection and the attach session; the target keeps running. */
    @Override
    void close();
}
