package io.helixagent.core.report;

import static io.helixagent.core.report.ReportFixtures.ordered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helixagent.core.detect.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportRendererTest {
    private final JsonReportRenderer renderer = new JsonReportRenderer();

    @Test
    void shouldWriteTopLevelKeysInContractOrderWhenRendering() {
        final Map<?, ?> json = parse(ReportFixtures.full());

        assertEquals(List.of("schema", "generatedAt", "agent", "jvm", "pipeline", "findings", "subjects", "system",
            "timeline", "recoveryActions"), keys(json));
        assertEquals("helix-report/1", json.get("schema"));
    }

    @Test
    void shouldWriteFindingAndSubjectKeysInContractOrderWhenRendering() {
        final Map<?, ?> json = parse(ReportFixtures.full());

        for (final Object finding : (List<?>) json.get("findings")) {
            assertEquals(List.of("detector", "severity", "subject", "title", "summary", "evidence", "recommendations",
                "firstSeen", "lastSeen", "active"), keys(finding));
        }
        for (final Object subject : (List<?>) json.get("subjects")) {
            assertEquals(List.of("kind", "name", "createdAt", "metrics"), keys(subject));
        }
    }

    @Test
    void shouldWriteEveryValueWhenRenderingReport() {
        final Report report = ReportFixtures.report(
            List.of(ReportFixtures.finding("pool.saturation", Severity.CRITICAL, "orders-pool", false)),
            List.of(new SubjectSnapshot("cache", "users", "UserService.<init>(UserService.java:7)",
                ordered("hitRate", 0.8125, "size", 10))));

        final Map<String, Object> expected = ordered(
            "schema", "helix-report/1",
            "generatedAt", "2024-05-01T10:15:30.123Z",
            "agent", ordered("version", "0.1.0", "attachMode", "premain", "startedAt", "2024-05-01T10:00:00Z"),
            "jvm", ordered("pid", 4242.0, "app", "shop", "mainClass", "com.example.Shop", "javaVersion", "17.0.15",
                "vendor", "Debian", "startTime", "2024-05-01T10:00:00Z", "uptimeMs", 930123.0,
                "maxHeapBytes", 4294967296.0, "cpus", 8.0),
            "pipeline", ordered("produced", 1000.0, "delivered", 1000.0, "dropped", 0.0),
            "findings", List.of(ordered("detector", "pool.saturation", "severity", "CRITICAL",
                "subject", "orders-pool", "title", "Title of pool.saturation",
                "summary", "Summary of pool.saturation.", "evidence", ordered("fillRatio", 0.95, "waitP99Ms", 1250.0),
                "recommendations", List.of("First fix pool.saturation", "Second fix pool.saturation"),
                "firstSeen", "2024-05-01T10:00:00Z", "lastSeen", "2024-05-01T10:15:00Z", "active", false)),
            "subjects", List.of(ordered("kind", "cache", "name", "users",
                "createdAt", "UserService.<init>(UserService.java:7)", "metrics", ordered("hitRate", 0.8125,
                    "size", 10.0))),
            "system", ordered("cpuLoadRatio", 0.25, "osName", "Linux"),
            "timeline", ordered("samples", List.of(1.0, 2.0, 3.0)),
            "recoveryActions", List.of(ordered("action", "heapDump", "at", "2024-05-01T10:15:00Z")));
        assertEquals(expected, parse(report));
    }

    @Test
    void shouldKeepModelOrderOfFindingsWhenRendering() {
        final List<?> findings = (List<?>) parse(ReportFixtures.full()).get("findings");

        assertEquals(List.of("cache.hit-rate", "http.slow", "connpool.exhaustion", "threads.leak", "pool.saturation",
            "locks.deadlock"), findings.stream().map(finding -> ((Map<?, ?>) finding).get("detector")).toList());
        assertEquals(List.of(true, false, true, false, true, false),
            findings.stream().map(finding -> ((Map<?, ?>) finding).get("active")).toList());
    }

    @Test
    void shouldWriteEmptyCollectionsAndNullsWhenSectionsAreEmpty() {
        final Finding bare = new Finding("gc.overhead", Severity.INFO, null, "t", "s", ordered("missingMs", null),
            List.of(), ReportFixtures.FIRST_SEEN, null, true);
        final Report report = new Report(ReportFixtures.GENERATED_AT, Map.of(), Map.of(), Map.of(), List.of(bare),
            List.of(), Map.of(), Map.of(), List.of());

        final String text = renderer.render(report);
        final Map<?, ?> json = (Map<?, ?>) Json.parse(text);

        assertTrue(text.contains("\n  \"agent\": {},\n"), text);
        assertTrue(text.contains("\n  \"subjects\": [],\n"), text);
        assertTrue(text.contains("\n  \"recoveryActions\": []\n}"), text);
        assertEquals(List.of(), json.get("subjects"));
        assertEquals(Map.of(), json.get("timeline"));
        final Map<?, ?> finding = (Map<?, ?>) ((List<?>) json.get("findings")).get(0);
        assertTrue(finding.containsKey("subject"));
        assertEquals(Arrays.asList(null, null, List.of()),
            Arrays.asList(finding.get("subject"), finding.get("lastSeen"), finding.get("recommendations")));
        assertEquals(ordered("missingMs", null), finding.get("evidence"));
    }

    @Test
    void shouldKeepNastyTextIntactWhenRenderedAndParsed() {
        final String nasty = "<script>alert(\"x\")</script>\\ \n\t\u0000\u2028 é漢😀";
        final Report report = ReportFixtures.report(
            List.of(ReportFixtures.finding("pool.saturation", Severity.WARNING, nasty, true)),
            List.of(new SubjectSnapshot("executor", nasty, nasty, ordered(nasty, nasty))));

        final String text = renderer.render(report);
        final Map<?, ?> json = (Map<?, ?>) Json.parse(text);

        assertFalse(text.contains("</script>"), text);
        assertFalse(text.contains("\u2028"), text);
        assertEquals(nasty, ((Map<?, ?>) ((List<?>) json.get("findings")).get(0)).get("subject"));
        assertEquals(ordered("kind", "executor", "name", nasty, "createdAt", nasty, "metrics", ordered(nasty, nasty)),
            ((List<?>) json.get("subjects")).get(0));
    }

    @Test
    void shouldIndentTwoSpacesAndEndWithNewlineWhenRendering() {
        final String text = renderer.render(ReportFixtures.full());

        assertTrue(text.startsWith("{\n  \"schema\": \"helix-report/1\",\n  \"generatedAt\": "), text);
        assertTrue(text.contains("\n  \"findings\": [\n    {\n      \"detector\": \"cache.hit-rate\",\n"), text);
        assertTrue(text.endsWith("\n}\n"), text);
    }

    private Map<?, ?> parse(final Report report) {
        return (Map<?, ?>) Json.parse(renderer.render(report));
    }

    private static List<Object> keys(final Object object) {
        return new ArrayList<>(((Map<?, ?>) object).keySet());
    }
}
