package io.helixagent.bridge;

/**
 * The running agent as seen from outside its isolated loader: the entry class uses it when a second
 * attach arrives, so that no second copy of the agent is ever loaded.
 */
public interface AgentHandle {
    /**
     * Applies agent arguments given to a later attach.
     *
     * @param args {@code key=value,...} as on the command line.
     * @return one line for the host's standard error saying what changed, or an empty string.
     */
    String reconfigure(String args);
}
