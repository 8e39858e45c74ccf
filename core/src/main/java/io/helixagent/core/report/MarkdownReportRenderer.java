package io.helixagent.core.report;

import static io.helixagent.core.report.MarkdownTable.line;
import static io.helixagent.core.report.ReportText.display;

import java.util.List;
import java.util.Map;

/**
 * Renders a report as Markdown for terminals and CI logs: readable with {@code cat}, aligned tables, active
 * findings before ended ones and the worst first, so the first screen says what to fix.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
    /** Metrics shown per subject in the table, the first in display order; the JSON and HTML carry all. */
    private static final int MAIN_METRICS = 6;
    private static final int INITIAL_CAPACITY_CHARS = 8 * 1024;

    /** Renders the report as Markdown text ending with a newline. */
    @Override
    public String render(final Report report) {
        final StringBuilder out = new StringBuilder(INITIAL_CAPACITY_CHARS);
        out.append("# ").append(line(ReportText.title(report))).append("\n\n");
        out.append(line(ReportText.pipelineHealth(report))).append('\n');
        appendFindings(out, "Active findings", ReportText.worstFirst(report.findings(), true));
        appendFindings(out, "Ended findings", ReportText.worstFirst(report.findings(), false));
        appendSubjects(out, report.subjects());
        return out.toString();
    }

    private static void appendFindings(final StringBuilder out, final String heading, final List<Finding> findings) {
        out.append("\n## ").append(heading).append(" (").append(findings.size()).append(")\n");
        if (findings.isEmpty()) {
            out.append("\nNone.\n");
            return;
        }
        for (final Finding finding : findings) {
            appendFinding(out, finding);
        }
    }

    private static void appendFinding(final StringBuilder out, final Finding finding) {
        out.append("\n### ").append(display(finding.severity())).append(' ').append(line(finding.detector()))
            .append(": ").append(line(finding.title())).append("\n\n");
        out.append("- Subject: ").append(line(finding.subject())).append('\n');
        out.append("- Seen: ").append(display(finding.firstSeen())).append(" to ").append(display(finding.lastSeen()))
            .append("\n\n");
        out.append(line(finding.summary())).append('\n');
        if (!finding.evidence().isEmpty()) {
            final MarkdownTable table = new MarkdownTable("key", "value");
            for (final Map.Entry<String, Object> entry : finding.evidence().entrySet()) {
                table.row(entry.getKey(), display(entry.getValue()));
            }
            out.append('\n');
            table.appendTo(out);
        }
        if (!finding.recommendations().isEmpty()) {
            out.append("\nRecommendations:\n\n");
            int number = 1;
            for (final String recommendation : finding.recommendations()) {
                out.append(number++).append(". ").append(line(recommendation)).append('\n');
            }
        }
    }

    private static void appendSubjects(final StringBuilder out, final List<SubjectSnapshot> subjects) {
        out.append("\n## Subjects (").append(subjects.size()).append(")\n\n");
        if (subjects.isEmpty()) {
            out.append("None.\n");
            return;
        }
        final MarkdownTable table = new MarkdownTable("kind", "name", "created at", "metrics");
        for (final SubjectSnapshot subject : subjects) {
            table.row(subject.kind(), subject.name(), subject.createdAt(),
                ReportText.inline(subject.metrics(), MAIN_METRICS));
        }
        table.appendTo(out);
    }
}
