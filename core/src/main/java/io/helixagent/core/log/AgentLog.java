package io.helixagent.core.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The agent's own log: one line per message, prefixed {@code helix-agent:}, to the host's standard error or
 * to {@code log.file}. The host's output is not the agent's to fill: the default level is {@code warn}, and
 * a message never spans lines.
 */
public final class AgentLog {
    /** Levels, most severe first. */
    public enum Level { ERROR, WARN, INFO, DEBUG }

    private static final String PREFIX = "helix-agent: ";
    private static volatile AgentLog current = new AgentLog(Level.WARN, null);

    private final Level level;
    private final Path file;

    private AgentLog(final Level level, final Path file) {
        this.level = level;
        this.file = file;
    }

    /**
     * Sets the level and destination for all later messages.
     *
     * @param levelName {@code error}, {@code warn}, {@code info} or {@code debug}.
     * @param file      a file to append to, or null for standard error.
     */
    public static void configure(final String levelName, final Path file) {
        current = new AgentLog(Level.valueOf(levelName.toUpperCase(Locale.ROOT)), file);
    }

    public static void error(final String message) {
        current.log(Level.ERROR, message);
    }

    public static void warn(final String message) {
        current.log(Level.WARN, message);
    }

    public static void info(final String message) {
        current.log(Level.INFO, message);
    }

    public static void debug(final String message) {
        current.log(Level.DEBUG, message);
    }

    /**
     * Writes a line that already carries the {@code helix-agent:} prefix (configuration warnings) at WARN.
     */
    public static void raw(final String line) {
        current.log(Level.WARN, line.startsWith(PREFIX) ? line.substring(PREFIX.length()) : line);
    }

    /** @return whether messages of {@code level} are written. */
    public static boolean enabled(final Level level) {
        return level.compareTo(current.level) <= 0;
    }

    /** @return a one-line description of {@code t}: its class and message, no stack. */
    public static String describe(final Throwable t) {
        final String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.replace('\n', ' '));
    }

    private void log(final Level at, final String message) {
        if (at.compareTo(level) > 0) {
            return;
        }
        final String line = PREFIX + message.replace('\n', ' ').replace('\r', ' ');
        if (file == null) {
            stderr().println(line);
            return;
        }
        try {
            Files.writeString(file, Instant.now() + " " + at + " " + line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (final IOException ex) {
            stderr().println(line);
        }
    }

    private static PrintStream stderr() {
        return System.err;
    }
}
