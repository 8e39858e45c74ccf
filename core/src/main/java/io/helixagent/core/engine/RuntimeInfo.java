package io.helixagent.core.engine;

import java.time.Instant;

/**
 * Facts about this agent and this JVM that do not change while it runs.
 *
 * @param agentVersion  helix-agent's version.
 * @param attachMode    {@code premain} or {@code dynamic}.
 * @param agentStarted  when the agent started.
 * @param pid           the JVM's process id.
 * @param app           the application name (setting {@code app.name} or derived).
 * @param mainClass     the main class or jar, from the launch command.
 * @param javaVersion   the runtime version.
 * @param vendor        the runtime vendor.
 * @param jvmStarted    when the JVM started.
 * @param maxHeapBytes  the heap's limit.
 * @param cpus          processors available to the JVM.
 */
public record RuntimeInfo(String agentVersion, String attachMode, Instant agentStarted, long pid, String app,
                          String mainClass, String javaVersion, String vendor, Instant jvmStarted, long maxHeapBytes,
                          int cpus) {
}
