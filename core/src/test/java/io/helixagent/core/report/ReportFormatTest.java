package io.helixagent.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    @Test
    void shouldParseConfigNamesWhenGivenInAnyCaseWithBlanks() {
        assertEquals(ReportFormat.JSON, ReportFormat.parse("json"));
        assertEquals(ReportFormat.HTML, ReportFormat.parse("html"));
        assertEquals(ReportFormat.MD, ReportFormat.parse("md"));
        assertEquals(ReportFormat.JSON, ReportFormat.parse(" JSON "));
        assertEquals(ReportFormat.MD, ReportFormat.parse("Md"));
    }

    @Test
    void shouldRejectNameWhenItIsNoFormat() {
        for (final String name : List.of("pdf", "", "markdown", "htm", "json,html")) {
            final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse(name));
            assertEquals("unknown report format '" + name + "', expected one of json, html, md", error.getMessage());
        }
    }

    @Test
    void shouldPairEachFormatWithItsExtensionAndRendererWhenAsked() {
        assertEquals("json", ReportFormat.JSON.extension());
        assertEquals("html", ReportFormat.HTML.extension());
        assertEquals("md", ReportFormat.MD.extension());
        assertInstanceOf(JsonReportRenderer.class, ReportFormat.JSON.renderer());
        assertInstanceOf(HtmlReportRenderer.class, ReportFormat.HTML.renderer());
        assertInstanceOf(MarkdownReportRenderer.class, ReportFormat.MD.renderer());
    }
}
