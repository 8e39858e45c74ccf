package io.helixagent.agent.cli;

import java.io.PrintStream;

/** {@code report <pid> [--out <dir>]}: the agent writes its reports now; their paths are printed, one a line. */
final class ReportCommand {
    private ReportCommand() {
    }

    /**
     * Asks {@code agent} for its reports.
     *
     * @param outDir the absolute directory to write to, or null for the agent's {@code report.dir}.
     */
    static void run(final RunningAgent agent, final String outDir, final PrintStream out) {
        agent.printPaths(outDir == null ? agent.bean().writeReport() : agent.bean().writeReportTo(outDir), out);
    }
}
