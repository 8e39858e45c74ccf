package io.helixagent.agent.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One run of the command line inside the test JVM, with what it printed.
 *
 * @param exitCode the exit code.
 * @param out      standard output.
 * @param err      standard error.
 */
record CapturedRun(int exitCode, String out, String err) {
    static final String JAR = "/opt/helix/helix-agent.jar";

    /** Runs {@code args} as {@code java -jar helix-agent.jar} would, attaching for real. */
    static CapturedRun of(final String... args) {
        return with(pid -> TargetJvm.open(pid), args);
    }

    /** Runs {@code args} with targets from {@code opener}. */
    static CapturedRun with(final Target.Opener opener, final String... args) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = new Cli(JAR, opener, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new CapturedRun(code, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
            err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    /** Runs {@code args} against {@code target}, whatever pid they name. */
    static CapturedRun on(final FakeTarget target, final String... args) {
        return with(pid -> target, args);
    }
}
