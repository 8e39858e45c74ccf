package io.helixagent.core.feature;

import io.helixagent.core.aggregate.FanoutAggregate;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.record.RecordLayout;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.subject.CallSites;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/** Parallel fan-outs ({@code invokeAll}, {@code CompletableFuture.allOf}) per call site. */
public final class FanoutFeature implements Feature {
    /** The subject kind of fan-out call sites. */
    public static final String KIND = "fanout";

    private final CallSites sites;
    private final Int2ObjectHashMap<FanoutAggregate> fanouts = new Int2ObjectHashMap<>();

    /** @param sites where the probes intern call sites. */
    public FanoutFeature(final CallSites sites) {
        this.sites = sites;
    }

    /** @return the call sites seen so far. */
    public Collection<FanoutAggregate> fanouts() {
        return fanouts.values();
    }

    @Override
    public void historySeconds(final int seconds) {
        // each call site keeps its last FanoutAggregate.CAPACITY fan-outs, whatever the window
    }

    @Override
    public int[] recordTypes() {
        return new int[] {RecordType.FANOUT};
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        final int id = RecordLayout.subject(buffer, index);
        FanoutAggregate aggregate = fanouts.get(id);
        if (aggregate == null) {
            final String site = sites.site(id);
            if (site == null) {
                return;
            }
            aggregate = new FanoutAggregate(site);
            fanouts.put(id, aggregate);
        }
        final int aux = RecordLayout.aux(buffer, index);
        aggregate.onFanout(System.currentTimeMillis(), aux >>> 16, aux & 0xFFFF, RecordLayout.a(buffer, index), RecordLayout.b(buffer, index));
    }

    @Override
    public void onTick(final long tickMillis) {
        // fan-outs arrive as records; nothing to sample
    }

    @Override
    public void contribute(final ReportParts parts) {
        for (final FanoutAggregate f : fanouts.values()) {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("fanoutsTotal", f.total());
            if (f.total() > 0) {
                m.put("lastMembers", f.members(0));
                m.put("lastSlowestMs", f.slowestNanos(0) / 1_000_000.0);
                m.put("lastMedianMs", f.medianNanos(0) / 1_000_000.0);
            }
            parts.subject(new SubjectSnapshot(KIND, f.site(), f.site(), m));
        }
    }

    @Override
    public void afterTick() {
        // the ring needs no rotation: readers select by time
    }
}
