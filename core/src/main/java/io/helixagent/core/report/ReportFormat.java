package io.helixagent.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report files the agent can write, as {@code report.formats} names them; declaration order is write order. */
public enum ReportFormat {
    /** The {@code helix-report/1} contract, for scripts and tests. */
    JSON("json", new JsonReportRenderer()),
    /** One self-contained page, for browsers and tickets. */
    HTML("html", new HtmlReportRenderer()),
    /** Markdown, for terminals and CI logs. */
    MD("md", new MarkdownReportRenderer());

    private final String extension;
    private final ReportRenderer renderer;

    ReportFormat(final String extension, final ReportRenderer renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    /** @return the file extension without the dot, which is also the name {@code report.formats} uses. */
    public String extension() {
        return extension;
    }

    /** @return the renderer producing this format's file content. */
    public ReportRenderer renderer() {
        return renderer;
    }

    /**
     * Reads one name of the {@code report.formats} setting, forgiving case and surrounding blanks as users expect.
     *
     * @param name {@code json}, {@code html} or {@code md}.
     * @return the format.
     * @throws IllegalArgumentException for any other name, with a message listing the valid ones.
     */
    public static ReportFormat parse(final String name) {
        final String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (final ReportFormat format : values()) {
            if (format.extension.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "', expected one of "
            + Arrays.stream(values()).map(ReportFormat::extension).collect(Collectors.joining(", ")));
    }
}
