package io.helixagent.core.report;

/**
 * Renders the {@code helix-report/1} JSON of SPEC section 4: the contract scripts and tests read, so the key order
 * and names here are fixed; a change means a new schema id.
 */
public final class JsonReportRenderer implements ReportRenderer {
    /** Initial buffer size: a typical report is a few kilobytes, so this avoids most regrowth. */
    private static final int INITIAL_CAPACITY_CHARS = 16 * 1024;

    /** Renders the report as pretty-printed JSON ending with a newline, so it reads well with {@code cat}. */
    @Override
    public String render(final Report report) {
        final StringBuilder out = new StringBuilder(INITIAL_CAPACITY_CHARS);
        final JsonWriter json = new JsonWriter(out);
        json.beginObject()
            .field("schema", Report.SCHEMA)
            .field("generatedAt", report.generatedAt())
            .field("agent", report.agent())
            .field("jvm", report.jvm())
            .field("pipeline", report.pipeline());
        json.name("findings").beginArray();
        for (final Finding finding : report.findings()) {
            writeFinding(json, finding);
        }
        json.endArray();
        json.name("subjects").beginArray();
        for (final SubjectSnapshot subject : report.subjects()) {
            writeSubject(json, subject);
        }
        json.endArray()
            .field("system", report.system())
            .field("timeline", report.timeline())
            .field("recoveryActions", report.recoveryActions())
            .endObject();
        return out.append('\n').toString();
    }

    private static void writeFinding(final JsonWriter json, final Finding finding) {
        json.beginObject()
            .field("detector", finding.detector())
            .field("severity", finding.severity())
            .field("subject", finding.subject())
            .field("title", finding.title())
            .field("summary", finding.summary())
            .field("evidence", finding.evidence())
            .field("recommendations", finding.recommendations())
            .field("firstSeen", finding.firstSeen())
            .field("lastSeen", finding.lastSeen())
            .field("active", finding.active())
            .endObject();
    }

    private static void writeSubject(final JsonWriter json, final SubjectSnapshot subject) {
        json.beginObject()
            .field("kind", subject.kind())
            .field("name", subject.name())
            .field("createdAt", subject.createdAt())
            .field("metrics", subject.metrics())
            .endObject();
    }
}
