package io.helixagent.samples;

import java.lang.management.ManagementFactory;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What every sample shares: how long to run ({@code --seconds N}, default {@value #DEFAULT_SECONDS}) and, at
 * the end, asking a helix-agent running in this JVM to write its reports now, through its JMX bean, and
 * printing where they are. The samples never depend on the agent's classes.
 */
final class SampleRunner {
    static final int DEFAULT_SECONDS = 20;
    private static final String AGENT_BEAN = "io.helixagent:type=Agent";

    private SampleRunner() {
    }

    /** @return the {@code --seconds} argument, or the default. */
    static int seconds(final String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--seconds".equals(args[i])) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return DEFAULT_SECONDS;
    }

    /** Prints when the symptom starts, so that a test can tell how soon the agent noticed it. */
    static void onset() {
        System.out.println("onset " + java.time.Instant.now());
    }

    /** Prints where the agent wrote its reports, or how to run the sample with the agent. */
    static void printReports() {
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final String[] paths = (String[]) server.invoke(new ObjectName(AGENT_BEAN), "writeReport",
                new Object[0], new String[0]);
            for (final String path : paths) {
                System.out.println("helix-agent report: " + path);
            }
        } catch (final InstanceNotFoundException ex) {
            System.out.println("helix-agent is not running in this JVM: add -javaagent:agent/target/helix-agent.jar");
        } catch (final Exception ex) {
            System.out.println("helix-agent did not write its reports: " + ex.getMessage());
        }
    }
}
