package io.helixagent.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one report file holds: the {@code helix-report/1} schema of SPEC section 4. Immutable; the
 * sections without a fixed shape ({@code agent}, {@code jvm}, {@code pipeline}, {@code system},
 * {@code timeline}) are ordered maps of JSON-compatible values (String, Number, Boolean, Instant,
 * List, Map).
 *
 * @param generatedAt     when this snapshot was taken.
 * @param agent           version, attachMode, startedAt.
 * @param jvm             pid, app, mainClass, javaVersion, vendor, startTime, uptimeMs, maxHeapBytes, cpus.
 * @param pipeline        produced, delivered, dropped (and further counters).
 * @param findings        every finding of the run, active or not, worst first.
 * @param subjects        every watched subject.
 * @param system          machine and process figures.
 * @param timeline        time series for charts.
 * @param recoveryActions recovery actions taken, each an ordered map.
 */
public record Report(Instant generatedAt, Map<String, Object> agent, Map<String, Object> jvm,
                     Map<String, Object> pipeline, List<Finding> findings, List<SubjectSnapshot> subjects,
                     Map<String, Object> system, Map<String, Object> timeline,
                     List<Map<String, Object>> recoveryActions) {
    /** The schema id written into every JSON report. */
    public static final String SCHEMA = "helix-report/1";

    /** @return the findings that are still active. */
    public List<Finding> activeFindings() {
        return findings.stream().filter(Finding::active).toList();
    }
}
