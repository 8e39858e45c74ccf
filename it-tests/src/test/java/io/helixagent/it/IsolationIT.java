package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A host with its own, older byte-buddy, agrona and micrometer-core runs unchanged with the agent, resolves
 * its own versions, and sees no agent class but the bridge (and the entry class the JVM loads itself).
 */
class IsolationIT {
    static List<Jdk> jdks() {
        return Jdk.matrix();
    }

    private static String lineOf(final String out, final String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix + " ")).findFirst().orElse("");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void shouldKeepHostLibrariesAndHideAgentRuntime(final Jdk jdk) throws Exception {
        final Path libs = Path.of(System.getProperty("helix.host.libs"));
        final HostJvm.Builder builder = HostJvm.sample(jdk, "io.helixagent.samples.ClasspathIsolationSample")
            .withAgent("report.interval=0");
        try (Stream<Path> jars = Files.list(libs)) {
            jars.sorted().forEach(builder::classpath);
        }
        try (HostJvm host = builder.start()) {
            assertEquals(0, host.waitFor(Duration.ofSeconds(60)), host.output());
            final String out = host.stdout();
            assertTrue(out.contains("library net.bytebuddy.ByteBuddy from ") && out.contains("byte-buddy-1.14.19.jar"),
                out);
            assertTrue(out.contains("agrona-1.21.2.jar"), out);
            assertTrue(out.contains("micrometer-core-1.12.13.jar"), out);
            assertTrue(out.contains("agent-class io.helixagent.bridge.Probes visible loader=bootstrap"), out);
            assertTrue(out.contains("agent-class io.helixagent.boot.AgentEntry visible"), out);
            for (final String hidden : List.of("io.helixagent.agent.AgentRuntime", "io.helixagent.core.engine.Engine",
                "io.helixagent.core.config.Config")) {
                assertTrue(out.contains("agent-class " + hidden + " invisible"), out);
            }
            // the same class names the agent uses internally resolve to the host's own jars
            assertTrue(lineOf(out, "agent-class net.bytebuddy.agent.builder.AgentBuilder").endsWith("byte-buddy-1.14.19.jar"),
                out);
            assertTrue(lineOf(out, "agent-class org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer")
                .endsWith("agrona-1.21.2.jar"), out);
            assertTrue(out.contains("helix-agent report: "), out);
            assertEquals("", host.stderr());
            final ReportJson report = ReportJson.in(host.workDir().resolve("helix-reports"));
            assertTrue(report.timelineSeries().contains("executor:isolated-worker:queued"),
                "the host's pool was watched: " + report.timelineSeries());
        }
    }
}
