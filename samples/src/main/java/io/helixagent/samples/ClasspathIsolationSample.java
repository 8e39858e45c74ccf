package io.helixagent.samples;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A host that carries its own versions of libraries the agent also uses. It prints which jar each of
 * its library classes came from, and whether it can see the agent's classes: only the bridge (and the
 * entry class the JVM itself loads) may be visible. Run it with those libraries on the class path.
 */
public final class ClasspathIsolationSample {
    private static final String[] HOST_LIBRARIES = {"net.bytebuddy.ByteBuddy", "org.agrona.BitUtil",
        "io.micrometer.core.instrument.Metrics"};
    private static final String[] AGENT_CLASSES = {"io.helixagent.bridge.Probes", "io.helixagent.boot.AgentEntry",
        "io.helixagent.agent.AgentRuntime", "io.helixagent.core.engine.Engine", "io.helixagent.core.config.Config",
        "net.bytebuddy.agent.builder.AgentBuilder", "org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer"};

    private ClasspathIsolationSample() {
    }

    public static void main(final String[] args) throws Exception {
        for (final String name : HOST_LIBRARIES) {
            final Class<?> type = Class.forName(name);
            System.out.println("library " + name + " from " + type.getProtectionDomain().getCodeSource().getLocation());
        }
        for (final String name : AGENT_CLASSES) {
            System.out.println("agent-class " + name + " " + visibility(name));
        }
        final ExecutorService pool = Executors.newFixedThreadPool(2, SaturatedPoolSample.named("isolated-worker"));
        for (int i = 0; i < 100; i++) {
            pool.submit(() -> Math.sqrt(42));
        }
        // the pool lives through a couple of the agent's one-second ticks before the report is asked for
        Thread.sleep(2500);
        SampleRunner.printReports();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static String visibility(final String name) {
        try {
            final Class<?> type = Class.forName(name);
            final ClassLoader loader = type.getClassLoader();
            final java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
            return "visible loader=" + (loader == null ? "bootstrap" : loader.getName())
                + " from=" + (source == null ? "none" : source.getLocation());
        } catch (final ClassNotFoundException ex) {
            return "invisible";
        }
    }
}
