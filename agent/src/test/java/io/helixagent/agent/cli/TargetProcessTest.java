package io.helixagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetProcessTest {
    @TempDir
    Path dir;

    @Test
    void shouldSeeNoJvmWhenSigquitIsNotCaught() throws IOException {
        assertTrue(TargetProcess.ignoresQuitSignal(status("SigIgn:\t0000000000000006\nSigCgt:\t0000000000000000\n")));
        assertTrue(TargetProcess.ignoresQuitSignal(status("SigCgt:\t0000000000014000\n")));
    }

    @Test
    void shouldNotJudgeWhenSigquitIsCaught() throws IOException {
        assertFalse(TargetProcess.ignoresQuitSignal(status("SigIgn:\t0000000000000002\nSigCgt:\t0000000101005ccd\n")));
    }

    @Test
    void shouldNotJudgeWhenStatusIsMissingOrUnreadable() throws IOException {
        assertFalse(TargetProcess.ignoresQuitSignal(dir.resolve("missing")));
        assertFalse(TargetProcess.ignoresQuitSignal(status("Name:\tjava\n")));
        assertFalse(TargetProcess.ignoresQuitSignal(status("SigCgt:\tnot-hex\n")));
    }

    @Test
    void shouldSeeOwnJvmCatchingSigquitWhenOnLinux() {
        final Path self = Path.of("/proc/self/status");
        if (Files.isReadable(self)) {
            assertFalse(TargetProcess.ignoresQuitSignal(self));
        }
    }

    private Path status(final String text) throws IOException {
        return Files.writeString(dir.resolve("status"), text);
    }
}
