package io.helixagent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The layout of helix-agent.jar: SPEC section 1 and the three class-loader zones. */
class AgentJarIT {
    @Test
    void shouldCarryTheManifestOfTheSpec() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.agentJar().toFile())) {
            final Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("io.helixagent.boot.AgentEntry", main.getValue("Premain-Class"));
            assertEquals("io.helixagent.boot.AgentEntry", main.getValue("Agent-Class"));
            assertEquals("io.helixagent.boot.AgentEntry", main.getValue("Main-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
        }
    }

    @Test
    void shouldExposeOnlyTheEntryZoneAsClasses() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.agentJar().toFile())) {
            final List<String> classes = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.stream().allMatch(n -> n.startsWith("io/helixagent/boot/")), classes.toString());
            assertTrue(jar.getEntry("bridge/io/helixagent/bridge/Probes.classdata") != null);
            assertTrue(jar.getEntry("inst/io/helixagent/agent/AgentRuntime.classdata") != null);
            assertTrue(jar.getEntry("inst/io/helixagent/shaded/bytebuddy/ByteBuddy.classdata") != null);
            assertTrue(jar.getEntry("inst/org/agrona/concurrent/ringbuffer/ManyToOneRingBuffer.classdata") != null);
        }
    }

    @Test
    void shouldCompileTheEntryClassForOldJvmsSoTheyGetAClearLine() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.agentJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("io/helixagent/boot/AgentEntry.class"));
             DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "Java 8 class file version");
        }
    }
}
