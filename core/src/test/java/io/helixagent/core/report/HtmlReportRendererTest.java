package io.helixagent.core.report;

import static io.helixagent.core.report.MarkdownReportRendererTest.assertInOrder;
import static io.helixagent.core.report.ReportFixtures.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.detect.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

    private final HtmlReportRenderer renderer = new HtmlReportRenderer();

    @Test
    void shouldEscapeEveryModelTextWhenItContainsMarkup() {
        final Finding finding = new Finding(SCRIPT, Severity.CRITICAL, SCRIPT, SCRIPT, SCRIPT,
            ordered(SCRIPT, SCRIPT), List.of(SCRIPT), ReportFixtures.FIRST_SEEN, ReportFixtures.LAST_SEEN, true);
        final Report base = ReportFixtures.report(List.of(finding),
            List.of(new SubjectSnapshot(SCRIPT, SCRIPT, SCRIPT, ordered(SCRIPT, SCRIPT))));
        final Report report = new Report(base.generatedAt(), ordered("version", SCRIPT), ordered("app", SCRIPT),
            ordered(SCRIPT, 1), base.findings(), base.subjects(), ordered("os", SCRIPT), base.timeline(),
            base.recoveryActions());

        final String html = renderer.render(report);

        assertFalse(html.contains(SCRIPT), html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        // title and h1, pipeline line, 7 finding texts, 5 in the subject row, 4 runtime tables
        final int occurrences = html.split(Pattern.quote(ESCAPED_SCRIPT), -1).length - 1;
        assertEquals(19, occurrences, html);
    }

    @Test
    void shouldEscapeAmpersandsAndQuotesWhenModelTextHasThem() {
        final String html = renderer.render(ReportFixtures.report(
            List.of(ReportFixtures.finding("http.slow", Severity.INFO, "a&b \"q\" 'x' <y>", true)), List.of()));

        assertTrue(html.contains("<code>a&amp;b &quot;q&quot; &#39;x&#39; &lt;y&gt;</code>"), html);
    }

    @Test
    void shouldReferenceNoOutsideResourceWhenRendered() {
        final String html = renderer.render(ReportFixtures.full()).toLowerCase(Locale.ROOT);

        for (final String reference : List.of("http://", "https://", "src=", "href=", "url(", "@import", "<link",
            "<script", "<img", "<iframe")) {
            assertFalse(html.contains(reference), () -> reference + " in\n" + html);
        }
        assertTrue(html.contains("<meta http-equiv=\"content-security-policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'\">"), html);
    }

    @Test
    void shouldShowFindingsWorstFirstWithSeverityBadgesWhenRendering() {
        final String html = renderer.render(ReportFixtures.full());

        assertInOrder(html, "<h2>Active findings (3)</h2>",
            "<article class=\"finding active critical\">\n<h3><span class=\"badge\">CRITICAL</span>",
            "pool.saturation", "<article class=\"finding active warning\">", "connpool.exhaustion",
            "<article class=\"finding active info\">", "cache.hit-rate", "<h2>Ended findings (3)</h2>",
            "<article class=\"finding ended critical\">", "locks.deadlock", "<article class=\"finding ended warning\">",
            "threads.leak", "<article class=\"finding ended info\">", "http.slow", "<h2>Subjects (1)</h2>");
        assertInOrder(html, ".critical{--severity:", ".warning{--severity:", ".info{--severity:", "</style>");
    }

    @Test
    void shouldShowEvidenceAndRecommendationsWhenFindingHasThem() {
        final String html = renderer.render(ReportFixtures.full());

        assertInOrder(html, "<span class=\"badge\">CRITICAL</span>Title of pool.saturation</h3>",
            "pool.saturation on <code>orders-pool</code>", "<p>Summary of pool.saturation.</p>",
            "<tr><th scope=\"row\">fillRatio</th><td>0.95</td></tr>",
            "<tr><th scope=\"row\">waitP99Ms</th><td>1250</td></tr>",
            "<ol>\n<li>First fix pool.saturation</li>\n<li>Second fix pool.saturation</li>\n</ol>",
            "First seen 2024-05-01T10:00:00Z, last seen 2024-05-01T10:15:00Z", "</article>");
    }

    @Test
    void shouldShowSubjectsChartsPlacePipelineAndJvmWhenRendering() {
        final String html = renderer.render(ReportFixtures.full());

        assertInOrder(html, "<section id=\"charts\"></section>", "<section id=\"subjects\">",
            "<tr><td>executor</td><td><code>orders-pool</code></td>"
                + "<td><code>OrderService.&lt;init&gt;(OrderService.java:42)</code></td>"
                + "<td>queueSize=950, queueCapacity=1000, queueFillRatio=0.95, activeThreads=8, poolSize=8, "
                + "completedTasks=123456, rejected=3</td></tr>",
            "<h2>Pipeline</h2>", "<tr><th scope=\"row\">dropped</th><td>0</td></tr>",
            "<h2>JVM</h2>", "<tr><th scope=\"row\">javaVersion</th><td>17.0.15</td></tr>", "<h2>Agent</h2>",
            "<h2>System</h2>");
        assertTrue(html.contains("<p class=\"muted\">Pipeline: OK (produced=1000, delivered=1000, dropped=0)</p>"));
    }

    @Test
    void shouldBeOneCompleteDocumentWhenRendered() {
        final String html = renderer.render(ReportFixtures.report(List.of(), List.of()));

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"), html);
        assertTrue(html.contains("<title>helix-agent report: shop (pid 4242), 2024-05-01T10:15:30.123Z</title>"));
        assertTrue(html.endsWith("</body>\n</html>\n"), html);
        assertInOrder(html, "<h2>Active findings (0)</h2>\n<p class=\"muted\">None.</p>",
            "<h2>Ended findings (0)</h2>\n<p class=\"muted\">None.</p>",
            "<h2>Subjects (0)</h2>\n<p class=\"muted\">None.</p>");
    }
}
