package io.helixagent.agent.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the command line into an {@link Invocation}, or a usage failure (exit 2) that names the bad argument
 * and shows how the command is used. Options may come before or after the pid; {@code -h} or {@code --help}
 * anywhere asks for help.
 */
final class ArgumentParser {
    /** How users start the command line, as messages quote it. */
    static final String PROGRAM = "java -jar helix-agent.jar";

    private static final String OUT_OPTION = "--out";

    private final Command command;
    private final String typed;
    private final List<String> settings = new ArrayList<>();
    private long pid;
    private String outDir;

    private ArgumentParser(final Command command, final String typed) {
        this.command = command;
        this.typed = typed;
    }

    /**
     * Parses {@code args}.
     *
     * @return what to run.
     * @throws CliException (exit 2) for an unknown command or option, a missing or malformed pid, a missing
     *                      {@code --out} value, a malformed setting or an extra argument.
     */
    static Invocation parse(final String[] args) throws CliException {
        if (args.length == 0) {
            throw CliException.usage("no command given; run " + PROGRAM + " --help for the commands");
        }
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            return new Invocation(Command.HELP, 0, List.of(), null);
        }
        final Command command = Command.named(args[0]).orElseThrow(() -> CliException.usage(
            "unknown command '" + args[0] + "'; run " + PROGRAM + " --help for the commands"));
        return new ArgumentParser(command, args[0]).parseArguments(args);
    }

    private Invocation parseArguments(final String[] args) throws CliException {
        for (int i = 1; i < args.length; i++) {
            final String arg = args[i];
            if (!isOption(arg)) {
                positional(arg);
            } else if (OUT_OPTION.equals(arg) && command == Command.REPORT) {
                if (i + 1 == args.length) {
                    throw usage(OUT_OPTION + " needs a directory");
                }
                if (outDir != null) {
                    throw usage(OUT_OPTION + " given twice");
                }
                i++;
                outDir = absolute(args[i]);
            } else {
                throw usage("unknown option '" + arg + "' for " + typed);
            }
        }
        if (command.takesPid() && pid == 0) {
            throw usage(typed + " needs the pid of a JVM (find it with: " + PROGRAM + " list)");
        }
        return new Invocation(command, pid, List.copyOf(settings), outDir);
    }

    /** An argument starting with {@code -} is an option, unless it is a (negative, so invalid) pid. */
    private static boolean isOption(final String arg) {
        return arg.startsWith("-") && !arg.matches("-\\d+");
    }

    private void positional(final String arg) throws CliException {
        if (command.takesPid() && pid == 0) {
            pid = parsePid(arg);
        } else if (command == Command.ATTACH) {
            if (arg.indexOf('=') < 1) {
                throw usage("invalid setting '" + arg + "': expected key=value");
            }
            settings.add(arg);
        } else {
            throw usage("unexpected argument '" + arg + "' for " + typed);
        }
    }

    /** The target has its own working directory: {@code --out} is resolved against this command's, as users expect. */
    private String absolute(final String dir) throws CliException {
        try {
            return Path.of(dir).toAbsolutePath().normalize().toString();
        } catch (final InvalidPathException ex) {
            throw usage("invalid directory '" + dir + "' for " + OUT_OPTION + ": " + ex.getReason());
        }
    }

    private long parsePid(final String arg) throws CliException {
        try {
            final long parsed = Long.parseLong(arg);
            if (parsed > 0) {
                return parsed;
            }
        } catch (final NumberFormatException notANumber) {
            // reported below, with the same words as a pid that is not positive
        }
        throw usage("invalid pid '" + arg + "': a pid is a positive number (find it with: " + PROGRAM + " list)");
    }

    private CliException usage(final String problem) {
        final String arguments = command.arguments().isEmpty() ? "" : " " + command.arguments();
        return CliException.usage(problem + "; usage: " + PROGRAM + " " + typed + arguments);
    }
}
