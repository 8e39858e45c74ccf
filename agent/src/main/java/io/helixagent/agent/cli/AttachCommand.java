package io.helixagent.agent.cli;

import io.helixagent.agent.AgentRuntime;
import java.io.PrintStream;
import java.util.Properties;

/**
 * {@code attach <pid> [key=value ...]}: loads the agent into a running JVM. A JVM whose agent already runs gets
 * the new settings instead of a second copy (the agent's {@code agentmain} applies them), and the command says
 * so and exits 1, as SPEC section 2 counts "already attached" among the failures.
 */
final class AttachCommand {
    /** The oldest Java feature release the agent runs on; checked here too, so the user sees why at once. */
    static final int MIN_JAVA_FEATURE = 17;

    private AttachCommand() {
    }

    /**
     * Attaches the agent of {@code jarPath} to {@code target}.
     *
     * @param options the settings, {@code key=value,...}, possibly empty.
     * @throws CliException when the JVM is too old, the agent already runs, or loading or starting it failed.
     */
    static void run(final Target target, final String jarPath, final String options, final PrintStream out)
        throws CliException {
        final Properties before = target.systemProperties();
        final String specificationVersion = before.getProperty("java.specification.version", "");
        if (isTooOld(specificationVersion)) {
            throw Failures.tooOld(target.pid(), before.getProperty("java.version", specificationVersion));
        }
        final String running = before.getProperty(AgentRuntime.VERSION_PROPERTY);
        if (running != null) {
            if (!options.isEmpty()) {
                target.loadAgent(jarPath, options);
            }
            throw Failures.alreadyAttached(target.pid(), running, options);
        }
        target.loadAgent(jarPath, options);
        final String started = target.systemProperties().getProperty(AgentRuntime.VERSION_PROPERTY);
        if (started == null) {
            throw Failures.notStarted(target.pid());
        }
        out.println("helix-agent " + started + " attached to " + target.pid());
    }

    /**
     * Reads {@code java.specification.version}: {@code 1.8} up to Java 8, then the feature release alone.
     *
     * @return true only for a version known to be older than {@value #MIN_JAVA_FEATURE}; an unreadable one is left
     *         to the agent, whose entry point checks again and says why in the target.
     */
    static boolean isTooOld(final String specificationVersion) {
        final String feature = specificationVersion.startsWith("1.")
            ? specificationVersion.substring(2) : specificationVersion;
        try {
            return Integer.parseInt(feature) < MIN_JAVA_FEATURE;
        } catch (final NumberFormatException unreadable) {
            return false;
        }
    }
}
