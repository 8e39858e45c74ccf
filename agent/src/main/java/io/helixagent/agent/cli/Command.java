package io.helixagent.agent.cli;

import java.util.List;
import java.util.Optional;

/** The commands of {@code java -jar helix-agent.jar}, with the synopsis that help and usage errors both print. */
enum Command {
    LIST("", "the JVMs on this machine, with their Java and helix-agent versions", "list"),
    ATTACH("<pid> [key=value ...]", "load helix-agent into a JVM, or give new settings to the one there", "attach"),
    STATUS("<pid>", "the agent's health and its active findings", "status"),
    REPORT("<pid> [--out <dir>]", "write the reports now (into <dir> if given), print their paths", "report"),
    DETACH("<pid>", "write final reports, remove all instrumentation, stop the agent", "detach"),
    HELP("", "this help", "--help", "-h", "help"),
    VERSION("", "the version of this helix-agent.jar", "--version");

    private final String arguments;
    private final String description;
    private final List<String> names;

    Command(final String arguments, final String description, final String... names) {
        this.arguments = arguments;
        this.description = description;
        this.names = List.of(names);
    }

    /** @return the command spelled {@code token}, if any. */
    static Optional<Command> named(final String token) {
        for (final Command command : values()) {
            if (command.names.contains(token)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** @return what follows the command's name, such as {@code <pid> [--out <dir>]}; usage errors quote it. */
    String arguments() {
        return arguments;
    }

    /** @return the names and arguments as help lists them: {@code report <pid> [--out <dir>]}. */
    String synopsis() {
        final String spelled = String.join(", ", names);
        return arguments.isEmpty() ? spelled : spelled + " " + arguments;
    }

    /** @return one line on what the command does, for help. */
    String description() {
        return description;
    }

    /** @return whether the command works on one JVM given by pid. */
    boolean takesPid() {
        return arguments.startsWith("<pid>");
    }
}
