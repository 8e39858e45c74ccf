package io.helixagent.core.report;

import static io.helixagent.core.report.ReportText.display;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a report as one self-contained HTML page to open in a browser or attach to a ticket: findings first, the
 * worst on top, then the subjects, then the runtime figures. The page makes no request of its own (no CDN, font or
 * image) and says so in a Content-Security-Policy; every text from the model is escaped, since subject names and
 * creation sites come from the host application. The empty {@code <section id="charts">} is where charts go.
 */
public final class HtmlReportRenderer implements ReportRenderer {
    private static final int INITIAL_CAPACITY_CHARS = 16 * 1024;
    private static final String NONE = "<p class=\"muted\">None.</p>\n";
    /** Forbids every fetch and script; only the inline style below may apply. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final String STYLE = """
        body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff;
          max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:22px;margin:0 0 4px}
        h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
        h3{font-size:15px;margin:0 0 6px}
        p{margin:6px 0}
        code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        table{border-collapse:collapse;margin:8px 0}
        th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa;font-weight:600}
        .muted{color:#59636e}
        .finding{border:1px solid #d0d7de;border-left:6px solid var(--severity);border-radius:6px;
          padding:12px 16px;margin:12px 0}
        .finding.ended{opacity:.7}
        .critical{--severity:#cf222e}
        .warning{--severity:#bf8700}
        .info{--severity:#0969da}
        .badge{display:inline-block;padding:0 8px;margin-right:8px;border-radius:10px;background:var(--severity);
          color:#fff;font-size:12px;font-weight:600;vertical-align:2px}
        #charts:empty{display:none}
        """;

    /** Renders the report as a complete HTML document. */
    @Override
    public String render(final Report report) {
        final StringBuilder out = new StringBuilder(INITIAL_CAPACITY_CHARS);
        final String title = escape(ReportText.title(report));
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
            .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(title).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
            .append("</head>\n<body>\n<header>\n<h1>").append(title).append("</h1>\n<p class=\"muted\">")
            .append(escape(ReportText.pipelineHealth(report))).append("</p>\n</header>\n");
        appendFindings(out, "active", "Active findings", ReportText.worstFirst(report.findings(), true));
        appendFindings(out, "ended", "Ended findings", ReportText.worstFirst(report.findings(), false));
        out.append("<section id=\"charts\"></section>\n");
        appendSubjects(out, report.subjects());
        out.append("<section id=\"runtime\">\n");
        appendSection(out, "Pipeline", report.pipeline());
        appendSection(out, "JVM", report.jvm());
        appendSection(out, "Agent", report.agent());
        appendSection(out, "System", report.system());
        return out.append("</section>\n</body>\n</html>\n").toString();
    }

    private static void appendFindings(final StringBuilder out, final String state, final String heading,
                                       final List<Finding> findings) {
        out.append("<section id=\"").append(state).append("-findings\">\n<h2>").append(heading).append(" (")
            .append(findings.size()).append(")</h2>\n");
        if (findings.isEmpty()) {
            out.append(NONE);
        } else {
            for (final Finding finding : findings) {
                appendFinding(out, state, finding);
            }
        }
        out.append("</section>\n");
    }

    private static void appendFinding(final StringBuilder out, final String state, final Finding finding) {
        final String severity = display(finding.severity());
        out.append("<article class=\"finding ").append(state).append(' ').append(severity.toLowerCase(Locale.ROOT))
            .append("\">\n<h3><span class=\"badge\">").append(severity).append("</span>")
            .append(text(finding.title())).append("</h3>\n<p class=\"muted\">").append(text(finding.detector()))
            .append(" on <code>").append(text(finding.subject())).append("</code></p>\n<p>")
            .append(text(finding.summary())).append("</p>\n");
        appendTable(out, finding.evidence());
        if (!finding.recommendations().isEmpty()) {
            out.append("<ol>\n");
            for (final String recommendation : finding.recommendations()) {
                out.append("<li>").append(text(recommendation)).append("</li>\n");
            }
            out.append("</ol>\n");
        }
        out.append("<p class=\"muted\">First seen ").append(text(finding.firstSeen())).append(", last seen ")
            .append(text(finding.lastSeen())).append("</p>\n</article>\n");
    }

    private static void appendSubjects(final StringBuilder out, final List<SubjectSnapshot> subjects) {
        out.append("<section id=\"subjects\">\n<h2>Subjects (").append(subjects.size()).append(")</h2>\n");
        if (subjects.isEmpty()) {
            out.append(NONE);
        } else {
            out.append("<table>\n<tr><th>kind</th><th>name</th><th>created at</th><th>metrics</th></tr>\n");
            for (final SubjectSnapshot subject : subjects) {
                out.append("<tr><td>").append(text(subject.kind())).append("</td><td><code>")
                    .append(text(subject.name())).append("</code></td><td><code>").append(text(subject.createdAt()))
                    .append("</code></td><td>").append(text(ReportText.inline(subject.metrics(), Integer.MAX_VALUE)))
                    .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</section>\n");
    }

    private static void appendSection(final StringBuilder out, final String heading, final Map<String, Object> values) {
        if (!values.isEmpty()) {
            out.append("<h2>").append(heading).append("</h2>\n");
            appendTable(out, values);
        }
    }

    private static void appendTable(final StringBuilder out, final Map<String, Object> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append("<table>\n");
        for (final Map.Entry<String, Object> entry : values.entrySet()) {
            out.append("<tr><th scope=\"row\">").append(text(entry.getKey())).append("</th><td>")
                .append(text(entry.getValue())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static String text(final Object value) {
        return escape(display(value));
    }

    /** Escapes the five characters that matter, so text is safe both as content and in quoted attributes. */
    private static String escape(final String text) {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
