package io.helixagent.agent.cli;

import java.util.List;

/**
 * One parsed command line.
 *
 * @param command  what to do.
 * @param pid      the target JVM, or 0 for commands without one.
 * @param settings {@code key=value} arguments of {@code attach}, in the order given.
 * @param outDir   {@code --out} of {@code report}, made absolute, or null for the agent's {@code report.dir}.
 */
record Invocation(Command command, long pid, List<String> settings, String outDir) {
    /** @return the settings in the agent's argument syntax, {@code key=value,key=value}. */
    String agentOptions() {
        return String.join(",", settings);
    }
}
