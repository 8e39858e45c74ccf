package io.helixagent.agent.cli;

import java.io.PrintStream;

/**
 * {@code detach <pid>}: the agent writes its final reports, restores the original bytecode, stops its threads
 * and unregisters its MBean; the JVM runs on, ready for another {@code attach}.
 */
final class DetachCommand {
    private DetachCommand() {
    }

    /** Detaches {@code agent} and prints the paths of its final reports. */
    static void run(final RunningAgent agent, final PrintStream out) {
        final String[] paths = agent.bean().detach();
        out.println("helix-agent detached from " + agent.pid() + "; final reports:");
        agent.printPaths(paths, out);
    }
}
