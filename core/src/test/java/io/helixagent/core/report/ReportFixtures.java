package io.helixagent.core.report;

import io.helixagent.core.detect.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports for the writer tests: one with every section filled, findings of each severity active and ended. */
final class ReportFixtures {
    static final Instant GENERATED_AT = Instant.parse("2024-05-01T10:15:30.123Z");
    static final Instant FIRST_SEEN = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant LAST_SEEN = Instant.parse("2024-05-01T10:15:00Z");

    private ReportFixtures() {
    }

    /** @return a report whose findings are listed best first, so renderers must sort them. */
    static Report full() {
        return report(List.of(
            finding("cache.hit-rate", Severity.INFO, "users-cache", true),
            finding("http.slow", Severity.INFO, "api.example.org", false),
            finding("connpool.exhaustion", Severity.WARNING, "HikariPool-1", true),
            finding("threads.leak", Severity.WARNING, "worker-", false),
            finding("pool.saturation", Severity.CRITICAL, "orders-pool", true),
            finding("locks.deadlock", Severity.CRITICAL, "OrderLock", false)),
            List.of(new SubjectSnapshot("executor", "orders-pool", "OrderService.<init>(OrderService.java:42)",
                ordered("queueSize", 950, "queueCapacity", 1000, "queueFillRatio", 0.95, "activeThreads", 8,
                    "poolSize", 8, "completedTasks", 123456L, "rejected", 3))));
    }

    /** @return a report with the given findings and subjects and the usual agent, JVM and pipeline sections. */
    static Report report(final List<Finding> findings, final List<SubjectSnapshot> subjects) {
        return new Report(GENERATED_AT,
            ordered("version", "0.1.0", "attachMode", "premain", "startedAt", FIRST_SEEN),
            ordered("pid", 4242L, "app", "shop", "mainClass", "com.example.Shop", "javaVersion", "17.0.15",
                "vendor", "Debian", "startTime", FIRST_SEEN, "uptimeMs", 930_123L, "maxHeapBytes", 4_294_967_296L,
                "cpus", 8),
            ordered("produced", 1000L, "delivered", 1000L, "dropped", 0L),
            findings, subjects,
            ordered("cpuLoadRatio", 0.25, "osName", "Linux"),
            ordered("samples", List.of(1, 2, 3)),
            List.of(ordered("action", "heapDump", "at", LAST_SEEN)));
    }

    /** @return an active or ended finding with two evidence figures and two recommendations. */
    static Finding finding(final String detector, final Severity severity, final String subject,
                           final boolean active) {
        return new Finding(detector, severity, subject, "Title of " + detector, "Summary of " + detector + ".",
            ordered("fillRatio", 0.95, "waitP99Ms", 1250L), List.of("First fix " + detector, "Second fix " + detector),
            FIRST_SEEN, LAST_SEEN, active);
    }

    /** @return a mutable map in the order given, keys and values alternating; Map.of would lose the order. */
    static Map<String, Object> ordered(final Object... keysAndValues) {
        final Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
