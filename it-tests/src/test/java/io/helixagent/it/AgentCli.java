package io.helixagent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar helix-agent.jar <args>} as a user would, and captures what it prints. */
public final class AgentCli {
    private AgentCli() {
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode the process exit code.
     * @param stdout   standard output.
     * @param stderr   standard error.
     */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Runs the CLI on {@code jdk} in {@code workDir}. */
    public static Result run(final Jdk jdk, final Path workDir, final String... args)
        throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(jdk.java().toString(), "-jar",
            HostJvm.agentJar().toString()));
        command.addAll(List.of(args));
        final Path out = Files.createTempFile(workDir, "cli-out", ".txt");
        final Path err = Files.createTempFile(workDir, "cli-err", ".txt");
        final Process p = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("CLI did not finish: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    }
}
