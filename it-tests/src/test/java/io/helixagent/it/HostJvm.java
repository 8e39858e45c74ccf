package io.helixagent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A host JVM started by a test: a sample's main class on a JDK, with or without the agent, in its own
 * working directory, its output captured to files. Always destroyed by {@link #close}.
 */
public final class HostJvm implements AutoCloseable {
    private final Process process;
    private final Path workDir;
    private final Path stdout;
    private final Path stderr;

    private HostJvm(final Process process, final Path workDir, final Path stdout, final Path stderr) {
        this.process = process;
        this.workDir = workDir;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @return a builder for a JVM on {@code jdk} running {@code mainClass} from the samples jar. */
    public static Builder sample(final Jdk jdk, final String mainClass) {
        return new Builder(jdk, mainClass);
    }

    /** @return the agent jar under test. */
    public static Path agentJar() {
        return Path.of(System.getProperty("helix.agent.jar", "../agent/target/helix-agent.jar")).toAbsolutePath();
    }

    /** @return the samples jar. */
    public static Path samplesJar() {
        return Path.of(System.getProperty("helix.samples.jar", "../samples/target/helix-samples.jar")).toAbsolutePath();
    }

    public long pid() {
        return process.pid();
    }

    public Path workDir() {
        return workDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the exit code, after waiting at most {@code timeout}. */
    public int waitFor(final Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("host JVM still running after " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** @return both streams, for assertion messages. */
    public String output() {
        try {
            return "--- stdout\n" + stdout() + "--- stderr\n" + stderr();
        } catch (final IOException ex) {
            return "(output unreadable: " + ex + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Options of a host JVM. */
    public static final class Builder {
        private final Jdk jdk;
        private final String mainClass;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> classpath = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private String agentArgs;
        private boolean agent;
        private Path workDir;

        private Builder(final Jdk jdk, final String mainClass) {
            this.jdk = jdk;
            this.mainClass = mainClass;
            classpath.add(samplesJar().toString());
        }

        /** Adds {@code -javaagent:helix-agent.jar[=args]}. */
        public Builder withAgent(final String arguments) {
            agent = true;
            agentArgs = arguments;
            return this;
        }

        public Builder jvmArg(final String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /**
         * Runs the samples from another copy of their jar: a copy without {@code lib/} beside it has none of the
         * samples' libraries, so that the test chooses their versions.
         */
        public Builder samplesFrom(final Path jar) {
            classpath.set(0, jar.toString());
            return this;
        }

        public Builder classpath(final Path entry) {
            classpath.add(entry.toString());
            return this;
        }

        /** Puts {@code entry} before the samples jar and the libraries its manifest names, so that it wins. */
        public Builder classpathFirst(final Path entry) {
            classpath.add(0, entry.toString());
            return this;
        }

        public Builder args(final String... mainArgs) {
            args.addAll(List.of(mainArgs));
            return this;
        }

        public Builder workDir(final Path dir) {
            workDir = dir;
            return this;
        }

        public HostJvm start() throws IOException {
            final Path dir = workDir != null ? workDir : Files.createTempDirectory("helix-it-");
            final List<String> command = new ArrayList<>();
            command.add(jdk.java().toString());
            command.add("-Xmx256m");
            if (agent) {
                command.add("-javaagent:" + agentJar() + (agentArgs == null ? "" : "=" + agentArgs));
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(String.join(java.io.File.pathSeparator, classpath));
            command.add(mainClass);
            command.addAll(args);
            final Path out = dir.resolve("stdout.txt");
            final Path err = dir.resolve("stderr.txt");
            final Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new HostJvm(process, dir, out, err);
        }
    }
}
