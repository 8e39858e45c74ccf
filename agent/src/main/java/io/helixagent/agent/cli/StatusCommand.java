package io.helixagent.agent.cli;

import io.helixagent.agent.jmx.AgentMXBean;
import io.helixagent.agent.jmx.FindingView;
import java.io.PrintStream;

/**
 * {@code status <pid>}: the agent's health in a few lines, then its active findings, worst first, one line
 * each. The full texts (evidence, recommendations) are in the reports; this is the glance before opening them.
 */
final class StatusCommand {
    private static final String FACT = "%-22s%s";
    private static final TextTable.Column[] COLUMNS = {new TextTable.Column("SEVERITY", 8),
        new TextTable.Column("DETECTOR", 24), new TextTable.Column("SUBJECT", 56),
        new TextTable.Column("SUMMARY", 90)};

    private StatusCommand() {
    }

    /** Prints the status of {@code agent}. */
    static void run(final RunningAgent agent, final PrintStream out) {
        final AgentMXBean bean = agent.bean();
        out.println("helix-agent " + bean.getVersion() + " in JVM " + agent.pid());
        out.println(String.format(FACT, "attach mode:", bean.getAttachMode()));
        out.println(String.format(FACT, "events:", bean.getEventsProduced() + " produced, "
            + bean.getEventsDropped() + " dropped"));
        out.println(String.format(FACT, "instrumented classes:", bean.getInstrumentedClasses()));
        out.println();
        final FindingView[] findings = bean.getActiveFindings();
        if (findings.length == 0) {
            out.println("no active findings");
            return;
        }
        out.println(findings.length + (findings.length == 1 ? " active finding:" : " active findings:"));
        final TextTable table = new TextTable(COLUMNS);
        for (final FindingView finding : findings) {
            table.add(finding.getSeverity(), finding.getDetector(), finding.getSubject(), finding.getSummary());
        }
        table.print(out);
    }
}
