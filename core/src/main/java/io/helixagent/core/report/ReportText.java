package io.helixagent.core.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The words and figures the human-readable reports (Markdown, HTML) share, so both say the same thing the same way
 * and show numbers exactly as the JSON does. Returns plain text: each renderer escapes it for its own format.
 */
final class ReportText {
    /** Shown where the model has no value. */
    static final String MISSING = "-";

    private static final Comparator<Finding> WORST_FIRST =
        Comparator.comparing(Finding::severity, Comparator.reverseOrder());

    private ReportText() {
    }

    /**
     * @param report the report.
     * @return a title naming the application, its pid and when the report was taken.
     */
    static String title(final Report report) {
        return "helix-agent report: " + display(report.jvm().get("app")) + " (pid " + display(report.jvm().get("pid"))
            + "), " + display(report.generatedAt());
    }

    /**
     * @param report the report.
     * @return one line saying whether the agent kept up with its events, with all pipeline counters.
     */
    static String pipelineHealth(final Report report) {
        final Map<String, Object> pipeline = report.pipeline();
        final double dropped = asDouble(pipeline.get("dropped"));
        final String counters = " (" + inline(pipeline, Integer.MAX_VALUE) + ")";
        if (dropped > 0) {
            final double lostPercent = 100 * dropped / Math.max(dropped, asDouble(pipeline.get("produced")));
            return "Pipeline: DROPPING events, " + display(lostPercent) + "% lost" + counters;
        }
        return "Pipeline: OK" + counters;
    }

    /**
     * @param findings all findings of the report.
     * @param active   true for the active findings, false for the ended ones.
     * @return those findings, CRITICAL first, then WARNING, then INFO, keeping the model's order within each.
     */
    static List<Finding> worstFirst(final List<Finding> findings, final boolean active) {
        return findings.stream().filter(finding -> finding.active() == active).sorted(WORST_FIRST).toList();
    }

    /**
     * @param values figures in display order.
     * @param limit  how many to show; the rest are counted, not shown.
     * @return {@code key=value, key=value}, for a table cell or a line.
     */
    static String inline(final Map<?, ?> values, final int limit) {
        final StringJoiner joiner = new StringJoiner(", ");
        int shown = 0;
        for (final Map.Entry<?, ?> entry : values.entrySet()) {
            if (shown == limit) {
                joiner.add("+" + (values.size() - limit) + " more");
                break;
            }
            joiner.add(entry.getKey() + "=" + display(entry.getValue()));
            shown++;
        }
        return joiner.toString();
    }

    /**
     * @param value any JSON-compatible value.
     * @return its human form: numbers as in the JSON, Instants in ISO-8601, enums by name, maps and lists flattened.
     */
    static String display(final Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Number number) {
            return JsonWriter.formatNumber(number);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Map<?, ?> map) {
            return "{" + inline(map, Integer.MAX_VALUE) + "}";
        }
        if (value instanceof Iterable<?> items) {
            final StringJoiner joiner = new StringJoiner(", ", "[", "]");
            items.forEach(item -> joiner.add(display(item)));
            return joiner.toString();
        }
        return value.toString();
    }

    private static double asDouble(final Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
