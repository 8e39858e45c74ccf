package io.helixagent.core.engine;

import io.helixagent.core.report.SubjectSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What features contribute to one report: subjects, {@code system} entries and timeline points. */
public final class ReportParts {
    final List<SubjectSnapshot> subjects = new ArrayList<>();
    final Map<String, Object> system = new LinkedHashMap<>();
    final Map<String, Double> points = new LinkedHashMap<>();
    final Map<String, String> units = new HashMap<>();

    /** Adds a watched subject. */
    public void subject(final SubjectSnapshot subject) {
        subjects.add(subject);
    }

    /** Adds an entry of the {@code system} section. */
    public void system(final String key, final Object value) {
        system.put(key, value);
    }

    /** Adds this tick's value of a timeline series; NaN means no value. */
    public void point(final String series, final String unit, final double value) {
        points.put(series, value);
        units.putIfAbsent(series, unit);
    }
}
