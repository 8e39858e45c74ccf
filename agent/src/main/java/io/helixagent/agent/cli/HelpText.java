package io.helixagent.agent.cli;

import static io.helixagent.agent.cli.ArgumentParser.PROGRAM;

import io.helixagent.bridge.Probes;
import java.io.PrintStream;

/** The texts of {@code --help} and {@code --version}; commands are listed from {@link Command}, as usage errors are. */
final class HelpText {
    private static final String COMMAND_LINE = "  %-28s  %s";

    private HelpText() {
    }

    /**
     * The version of this jar. {@link Probes#BRIDGE_VERSION} is a compile-time constant, copied into this class
     * by the compiler: the bridge class itself is not visible to the command line, only to the agent.
     *
     * @return {@code helix-agent <version>}.
     */
    static String version() {
        return "helix-agent " + Probes.BRIDGE_VERSION;
    }

    /** Prints the help, at most 100 columns wide: the commands, settings syntax, exit codes and documentation. */
    static void print(final PrintStream out) {
        out.println(version() + ": finds performance problems in a running JVM and says what to change.");
        out.println();
        out.println("Usage: " + PROGRAM + " <command> [arguments]");
        out.println();
        for (final Command command : Command.values()) {
            out.println(String.format(COMMAND_LINE, command.synopsis(), command.description()));
        }
        out.println();
        out.println("At JVM start instead: java -javaagent:helix-agent.jar[=key=value,key=value...] ...");
        out.println("Settings: key=value (report.dir=/tmp/helix report.interval=30s), comma-joined after -javaagent.");
        out.println("Exit codes: 0 done, 1 failed (one line on stderr says why and what to do), 2 bad usage.");
        out.println("Documentation: docs/cli.md (commands, messages), docs/configuration.md (all settings).");
    }
}
