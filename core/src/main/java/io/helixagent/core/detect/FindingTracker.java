package io.helixagent.core.detect;

import io.helixagent.core.report.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns per-tick evaluations into findings with a life: a finding opens at the first non-healthy
 * evaluation, shows the latest evaluation at the worst severity of its episode (so a report tells how bad it
 * got, with the fullest numbers of that severity), and closes after {@link #quietTicksToClose} consecutive
 * healthy ticks, staying in the report as inactive. A closed finding that fires again reopens and keeps its {@code firstSeen}.
 * Owned by the pipeline thread.
 */
public final class FindingTracker {
    private final Map<String, Tracked> findings = new LinkedHashMap<>();
    private final int quietTicksToClose;
    private final int maxFindings;

    /**
     * @param quietTicksToClose healthy ticks in a row before a finding closes.
     * @param maxFindings       findings kept at most; the oldest inactive ones go first.
     */
    public FindingTracker(final int quietTicksToClose, final int maxFindings) {
        this.quietTicksToClose = quietTicksToClose;
        this.maxFindings = maxFindings;
    }

    /**
     * Applies one tick's evaluations.
     *
     * @return the findings whose state changed this tick (opened, worsened, closed).
     */
    public List<Finding> update(final List<Evaluation> evaluations, final Instant now) {
        final List<Finding> changed = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        for (final Evaluation e : evaluations) {
            final String key = e.detector() + '|' + e.subjectKey();
            seen.add(key);
            final Tracked t = findings.get(key);
            if (t == null) {
                final Tracked fresh = new Tracked(e, now);
                findings.put(key, fresh);
                changed.add(fresh.toFinding());
            } else if (t.onEvaluation(e, now)) {
                changed.add(t.toFinding());
            }
        }
        for (final Map.Entry<String, Tracked> entry : findings.entrySet()) {
            if (!seen.contains(entry.getKey()) && entry.getValue().onQuietTick(quietTicksToClose)) {
                changed.add(entry.getValue().toFinding());
            }
        }
        trim();
        return changed;
    }

    /** @return every finding, active first, then by severity, then by first appearance. */
    public List<Finding> findings() {
        final List<Finding> all = new ArrayList<>();
        for (final Tracked t : findings.values()) {
            all.add(t.toFinding());
        }
        all.sort(Comparator.comparing(Finding::active).reversed()
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::firstSeen));
        return all;
    }

    private void trim() {
        if (findings.size() <= maxFindings) {
            return;
        }
        findings.values().removeIf(t -> !t.active && findings.size() > maxFindings);
    }

    /** One finding's mutable state. */
    private static final class Tracked {
        private Evaluation worst;
        private final Instant firstSeen;
        private Instant lastSeen;
        private boolean active = true;
        private int quietTicks;

        Tracked(final Evaluation first, final Instant now) {
            this.worst = first;
            this.firstSeen = now;
            this.lastSeen = now;
        }

        /** @return true when the visible state changed (reopened or a new worst severity). */
        boolean onEvaluation(final Evaluation e, final Instant now) {
            lastSeen = now;
            quietTicks = 0;
            if (!active) {
                active = true;
                worst = e;
                return true;
            }
            final int bySeverity = e.severity().compareTo(worst.severity());
            if (bySeverity >= 0) {
                worst = e;
            }
            return bySeverity > 0;
        }

        /** @return true when this tick closed the finding. */
        boolean onQuietTick(final int ticksToClose) {
            if (!active) {
                return false;
            }
            quietTicks++;
            if (quietTicks >= ticksToClose) {
                active = false;
                return true;
            }
            return false;
        }

        Finding toFinding() {
            return new Finding(worst.detector(), worst.severity(), worst.subject(), worst.title(), worst.summary(),
                worst.evidence(), worst.recommendations(), firstSeen, lastSeen, active);
        }
    }
}
