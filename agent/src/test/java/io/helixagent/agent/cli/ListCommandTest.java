package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachineDescriptor;
import com.sun.tools.attach.spi.AttachProvider;
import io.helixagent.agent.AgentRuntime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    @Test
    void shouldPrintHeaderAndLeaveOutOwnProcessWhenListing() {
        final CapturedRun run = CapturedRun.of("list");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.err());
        final List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("PID +MAIN +JAVA +AGENT"), lines.get(0));
        final String self = Long.toString(ProcessHandle.current().pid());
        assertTrue(lines.stream().skip(1).noneMatch(line -> line.split(" ")[0].equals(self)), run.out());
    }

    @Test
    void shouldShowMainClassOrJarNameWhenDisplayNameHasOne() {
        assertEquals("com.example.Shop", ListCommand.mainOf("com.example.Shop --port 8080", "7"));
        assertEquals("billing.jar", ListCommand.mainOf("/opt/app/billing.jar --env prod", "7"));
        assertEquals("billing.jar", ListCommand.mainOf("billing.jar", "7"));
    }

    @Test
    void shouldShowUnknownWhenDisplayNameIsEmptyOrThePid() {
        assertEquals("?", ListCommand.mainOf("", "7"));
        assertEquals("?", ListCommand.mainOf("  ", "7"));
        assertEquals("?", ListCommand.mainOf(null, "7"));
        assertEquals("?", ListCommand.mainOf("7", "7"));
    }

    @Test
    void shouldShowJavaAndAgentVersionsWhenJvmAnswers() {
        final Properties properties = new Properties();
        properties.setProperty("java.version", "21.0.4");
        assertArrayEquals(new String[] {"7", "com.example.Shop", "21.0.4", "-"},
            ListCommand.row(descriptor("7", "com.example.Shop"), properties));
        properties.setProperty(AgentRuntime.VERSION_PROPERTY, "0.1.0");
        assertArrayEquals(new String[] {"7", "com.example.Shop", "21.0.4", "0.1.0"},
            ListCommand.row(descriptor("7", "com.example.Shop"), properties));
    }

    @Test
    void shouldShowQuestionMarksWhenJvmDoesNotAnswer() {
        assertArrayEquals(new String[] {"7", "com.example.Shop", "?", "?"},
            ListCommand.row(descriptor("7", "com.example.Shop"), null));
    }

    private static VirtualMachineDescriptor descriptor(final String id, final String displayName) {
        return new VirtualMachineDescriptor(AttachProvider.providers().get(0), id, displayName);
    }
}
