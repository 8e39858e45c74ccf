package io.helixagent.agent.cli;

/**
 * A failure of the command line: the one line it prints to standard error and the exit code. Checked, so
 * that every path that can fail says so, and the line is written once, by {@link Cli}.
 */
final class CliException extends Exception {
    /** Exit code of everything that is not bad usage: no such process, not a JVM, agent not loaded, ... */
    static final int EXIT_FAILURE = 1;
    /** Exit code of bad usage: unknown command or option, missing or malformed pid, extra arguments. */
    static final int EXIT_USAGE = 2;

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "helix-agent: ";

    private final int exitCode;

    private CliException(final String message, final int exitCode) {
        super(PREFIX + message.replaceAll("\\R", " "), null, false, false);
        this.exitCode = exitCode;
    }

    /** A bad-usage failure (exit 2); {@code message} says what is wrong and how the command is used. */
    static CliException usage(final String message) {
        return new CliException(message, EXIT_USAGE);
    }

    /** Any other failure (exit 1); {@code message} says what is wrong and what to do. */
    static CliException failure(final String message) {
        return new CliException(message, EXIT_FAILURE);
    }

    /** @return the process exit code for this failure. */
    int exitCode() {
        return exitCode;
    }
}
