package io.helixagent.it;

import io.helixagent.core.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A parsed {@code helix-report/1} JSON file, with the look-ups the integration tests need. */
public final class ReportJson {
    private final Path file;
    private final Map<String, Object> root;

    @SuppressWarnings("unchecked")
    private ReportJson(final Path file, final Object parsed) {
        this.file = file;
        this.root = (Map<String, Object>) parsed;
    }

    /** @return the JSON report in {@code dir}, parsed. */
    public static ReportJson in(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            final Path json = files.filter(p -> p.getFileName().toString().matches("helix-report-.*\\.json"))
                .findFirst().orElseThrow(() -> new AssertionError("no JSON report in " + dir));
            return of(json);
        }
    }

    /** @return the report file, parsed. */
    public static ReportJson of(final Path file) throws IOException {
        return new ReportJson(file, Json.parse(Files.readString(file)));
    }

    public Path file() {
        return file;
    }

    public Map<String, Object> root() {
        return root;
    }

    /** @return a top-level section as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(final String name) {
        return (Map<String, Object>) root.get(name);
    }

    /** @return every finding. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> findings() {
        return (List<Map<String, Object>>) root.get("findings");
    }

    /** @return the findings of one detector. */
    public List<Map<String, Object>> findings(final String detector) {
        return findings().stream().filter(f -> detector.equals(f.get("detector"))).toList();
    }

    /** @return findings at WARNING or CRITICAL. */
    public List<Map<String, Object>> warningsOrWorse() {
        return findings().stream().filter(f -> !"INFO".equals(f.get("severity"))).toList();
    }

    /** @return every subject. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> subjects() {
        return (List<Map<String, Object>>) root.get("subjects");
    }

    /** @return the names of the timeline's series. */
    @SuppressWarnings("unchecked")
    public List<String> timelineSeries() {
        final List<Map<String, Object>> series = (List<Map<String, Object>>) section("timeline").get("series");
        return series.stream().map(s -> (String) s.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> evidence(final Map<String, Object> finding) {
        return (Map<String, Object>) finding.get("evidence");
    }
}
