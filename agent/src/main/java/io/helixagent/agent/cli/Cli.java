package io.helixagent.agent.cli;

import java.io.PrintStream;

/**
 * {@code java -jar helix-agent.jar <command>} (SPEC section 2), run by {@code AgentBootstrap.runCli} in the
 * agent's isolated class loader, which returns the result of {@link #run(String, String[])} as the exit code.
 * Every failure is one line on the error stream, starting {@code helix-agent: }, saying what is wrong and what
 * to do; no exception and no stack trace escapes.
 */
public final class Cli {
    /** Exit code of a command that did what it was asked. */
    static final int EXIT_OK = 0;

    private final String jarPath;
    private final Target.Opener opener;
    private final PrintStream out;
    private final PrintStream err;

    /** A command line attaching with {@code opener}; tests pass a fake one. */
    Cli(final String jarPath, final Target.Opener opener, final PrintStream out, final PrintStream err) {
        this.jarPath = jarPath;
        this.opener = opener;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs one command, writing to the process's standard output and error.
     *
     * @param jarPath the absolute path of {@code helix-agent.jar}, which {@code attach} loads into the target.
     * @param args    the command and its arguments.
     * @return the exit code: 0 done, 1 failed, 2 bad usage.
     */
    public static int run(final String jarPath, final String[] args) {
        return run(jarPath, args, System.out, System.err);
    }

    /**
     * Runs one command, writing to the given streams, so that it can be run and checked inside one JVM.
     *
     * @return the exit code: 0 done, 1 failed, 2 bad usage.
     */
    public static int run(final String jarPath, final String[] args, final PrintStream out, final PrintStream err) {
        // a lambda, not TargetJvm::open: TargetJvm, and with it the attach API, is loaded only when a command needs it
        return new Cli(jarPath, pid -> TargetJvm.open(pid), out, err).execute(args);
    }

    /** @return the exit code of running {@code args}. */
    int execute(final String[] args) {
        try {
            final Invocation invocation = ArgumentParser.parse(args);
            try {
                dispatch(invocation);
            } catch (final RuntimeException ex) {
                throw Failures.unexpected(invocation.pid(), ex);
            }
            return EXIT_OK;
        } catch (final CliException ex) {
            if (args.length == 0) {
                HelpText.print(out);
            }
            err.println(ex.getMessage());
            return ex.exitCode();
        } catch (final NoClassDefFoundError ex) {
            err.println(Failures.noAttachApi(ex).getMessage());
            return CliException.EXIT_FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void dispatch(final Invocation invocation) throws CliException {
        switch (invocation.command()) {
            case HELP -> HelpText.print(out);
            case VERSION -> out.println(HelpText.version());
            case LIST -> ListCommand.run(out);
            case ATTACH -> onTarget(invocation, target -> AttachCommand.run(target, jarPath,
                invocation.agentOptions(), out));
            case STATUS -> onAgent(invocation, agent -> StatusCommand.run(agent, out));
            case REPORT -> onAgent(invocation, agent -> ReportCommand.run(agent, invocation.outDir(), out));
            case DETACH -> onAgent(invocation, agent -> DetachCommand.run(agent, out));
        }
    }

    private void onTarget(final Invocation invocation, final TargetWork work) throws CliException {
        try (Target target = opener.open(invocation.pid())) {
            work.run(target);
        }
    }

    private void onAgent(final Invocation invocation, final AgentWork work) throws CliException {
        onTarget(invocation, target -> work.run(RunningAgent.in(target)));
    }

    /** What a command does with an open target. */
    @FunctionalInterface
    private interface TargetWork {
        void run(Target target) throws CliException;
    }

    /** What a command does with the agent running in a target. */
    @FunctionalInterface
    private interface AgentWork {
        void run(RunningAgent agent) throws CliException;
    }
}
