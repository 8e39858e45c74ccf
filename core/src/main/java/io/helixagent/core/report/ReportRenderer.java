package io.helixagent.core.report;

/** Turns a report into the text of one file format; implementations are stateless, so one instance serves all. */
public interface ReportRenderer {
    /**
     * Renders the whole report.
     *
     * @param report the snapshot to render.
     * @return the complete file content.
     */
    String render(Report report);
}
