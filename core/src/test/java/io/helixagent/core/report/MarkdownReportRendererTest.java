package io.helixagent.core.report;

import static io.helixagent.core.report.ReportFixtures.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.detect.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {
    private final MarkdownReportRenderer renderer = new MarkdownReportRenderer();

    @Test
    void shouldRenderTheWholeLayoutWhenReportHasOneFindingAndOneSubject() {
        final Report report = ReportFixtures.report(
            List.of(ReportFixtures.finding("pool.saturation", Severity.CRITICAL, "orders-pool", true)),
            List.of(new SubjectSnapshot("cache", "users", "UserService.<init>(UserService.java:7)",
                ordered("hitRate", 0.8125, "size", 10))));

        assertEquals("""
            # helix-agent report: shop (pid 4242), 2024-05-01T10:15:30.123Z

            Pipeline: OK (produced=1000, delivered=1000, dropped=0)

            ## Active findings (1)

            ### CRITICAL pool.saturation: Title of pool.saturation

            - Subject: orders-pool
            - Seen: 2024-05-01T10:00:00Z to 2024-05-01T10:15:00Z

            Summary of pool.saturation.

            | key       | value |
            | --------- | ----- |
            | fillRatio | 0.95  |
            | waitP99Ms | 1250  |

            Recommendations:

            1. First fix pool.saturation
            2. Second fix pool.saturation

            ## Ended findings (0)

            None.

            ## Subjects (1)

            | kind  | name  | created at                             | metrics                 |
            | ----- | ----- | -------------------------------------- | ----------------------- |
            | cache | users | UserService.<init>(UserService.java:7) | hitRate=0.8125, size=10 |
            """, renderer.render(report));
    }

    @Test
    void shouldListActiveThenEndedFindingsWorstFirstWhenAllSeveritiesOccur() {
        final String markdown = renderer.render(ReportFixtures.full());

        assertInOrder(markdown, "## Active findings (3)", "### CRITICAL pool.saturation: ",
            "### WARNING connpool.exhaustion: ", "### INFO cache.hit-rate: ", "## Ended findings (3)",
            "### CRITICAL locks.deadlock: ", "### WARNING threads.leak: ", "### INFO http.slow: ", "## Subjects (1)");
    }

    @Test
    void shouldShowSeverityDetectorSubjectSummaryEvidenceAndRecommendationsWhenFindingEnded() {
        final String markdown = renderer.render(ReportFixtures.full());

        assertInOrder(markdown, "### CRITICAL locks.deadlock: Title of locks.deadlock\n", "- Subject: OrderLock\n",
            "Summary of locks.deadlock.\n", "| fillRatio | 0.95  |\n", "| waitP99Ms | 1250  |\n",
            "1. First fix locks.deadlock\n", "2. Second fix locks.deadlock\n", "### WARNING threads.leak");
    }

    @Test
    void shouldEscapePipesAndLineBreaksWhenTextGoesIntoTableCells() {
        final Finding finding = new Finding("http.slow", Severity.WARNING, "a|b", "t", "s",
            ordered("host|port", "one\ntwo\r\nthree|four"), List.of(), Instant.EPOCH, Instant.EPOCH, true);
        final Report report = ReportFixtures.report(List.of(finding),
            List.of(new SubjectSnapshot("http", "api|v2\nbeta", "Client.call(Client.java:1)", ordered("p|99", 1))));

        final String markdown = renderer.render(report);

        assertTrue(markdown.contains("\n| host\\|port | one<br>two<br>three\\|four |\n"), markdown);
        assertTrue(markdown.contains("\n| http | api\\|v2<br>beta | Client.call(Client.java:1) | p\\|99=1 |\n"),
            markdown);
    }

    @Test
    void shouldKeepEachTextOnItsLineWhenModelTextHasLineBreaksOrControlCharacters() {
        final Finding finding = new Finding("http.slow", Severity.INFO, "sub\nject", "ti\r\ntle",
            "line one\n## not a heading\u001b[31m", ordered(), List.of("do\nthis"), Instant.EPOCH, Instant.EPOCH,
            true);

        final String markdown = renderer.render(ReportFixtures.report(List.of(finding), List.of()));

        assertInOrder(markdown, "### INFO http.slow: ti tle\n", "- Subject: sub ject\n",
            "line one ## not a heading?[31m\n", "1. do this\n");
        assertFalse(markdown.contains("\n## not a heading"), markdown);
        assertFalse(markdown.contains("\u001b"), markdown);
    }

    @Test
    void shouldShowOnlyMainMetricsWhenSubjectHasMany() {
        final String markdown = renderer.render(ReportFixtures.full());

        assertTrue(markdown.contains(" queueSize=950, queueCapacity=1000, queueFillRatio=0.95, activeThreads=8, "
            + "poolSize=8, completedTasks=123456, +1 more |\n"), markdown);
        assertFalse(markdown.contains("rejected="), markdown);
    }

    @Test
    void shouldWarnInPipelineLineWhenEventsWereDropped() {
        final Report healthy = ReportFixtures.report(List.of(), List.of());
        final Report dropping = new Report(healthy.generatedAt(), healthy.agent(), healthy.jvm(),
            ordered("produced", 1000L, "delivered", 975L, "dropped", 25L, "ringCapacity", 4096),
            List.of(), List.of(), healthy.system(), healthy.timeline(), healthy.recoveryActions());

        assertTrue(renderer.render(dropping).contains("\nPipeline: DROPPING events, 2.5% lost "
            + "(produced=1000, delivered=975, dropped=25, ringCapacity=4096)\n"));
    }

    @Test
    void shouldSayNoneWhenThereAreNoFindingsOrSubjects() {
        final String markdown = renderer.render(ReportFixtures.report(List.of(), List.of()));

        assertInOrder(markdown, "## Active findings (0)\n\nNone.\n", "## Ended findings (0)\n\nNone.\n",
            "## Subjects (0)\n\nNone.\n");
    }

    /** Asserts that each part occurs in the text, each after the one before. */
    static void assertInOrder(final String text, final String... parts) {
        int from = 0;
        for (final String part : parts) {
            final int at = text.indexOf(part, from);
            assertTrue(at >= from, () -> "missing, or out of order: '" + part + "' in\n" + text);
            from = at + part.length();
        }
    }
}
