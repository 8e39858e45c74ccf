package io.helixagent.agent.instrument;

import net.bytebuddy.dynamic.Nexus;

/**
 * Byte Buddy features the agent switches off before building its transformer.
 * <p>
 * The Nexus (self-injection of type initializers) is never used: advice is inlined and nothing is
 * initialized. Merely creating an {@code AgentBuilder} prepares it, and on JDK 24 and later that preparation
 * calls {@code sun.misc.Unsafe}, which makes the JVM print warnings into the host's output. Byte Buddy reads
 * the switch from a system property named after its own package; the agent jar relocates Byte Buddy, so the
 * property set here is the relocated one and a Byte Buddy of the host's never sees it.
 */
final class ByteBuddySwitches {
    private ByteBuddySwitches() {
    }

    /** Sets the switches; call before the first {@code AgentBuilder} is created. */
    static void apply() {
        System.setProperty(Nexus.PROPERTY, "true");
    }
}
