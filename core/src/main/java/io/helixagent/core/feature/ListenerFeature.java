package io.helixagent.core.feature;

import io.helixagent.core.aggregate.ListenerAggregate;
import io.helixagent.core.engine.Feature;
import io.helixagent.core.engine.ReportParts;
import io.helixagent.core.report.SubjectSnapshot;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.RegistrationSite;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;

/**
 * Listener registrations per registering site ({@code EventBus.register}, {@code SubmissionPublisher.subscribe},
 * {@code PropertyChangeSupport.addPropertyChangeListener}). The probes keep the {@link ListenerRegistry} up to
 * date on host threads; each tick this feature sweeps it and records every site's live registrations, the series
 * {@code listeners.leak} tests for a trend. No records: removals must find their registration's site, which only
 * the registry can do.
 */
public final class ListenerFeature implements Feature {
    /** Listener subjects in reports have this kind. */
    public static final String KIND = "listeners";
    /** Listeners added with {@code PropertyChangeSupport.addPropertyChangeListener}. */
    public static final String CONTAINER_BEANS = "PropertyChangeSupport";
    /** Listeners added with Guava's {@code EventBus.register}. */
    public static final String CONTAINER_EVENTBUS = "EventBus";
    /** Subscribers added with {@code SubmissionPublisher.subscribe}. */
    public static final String CONTAINER_FLOW = "SubmissionPublisher";

    private final ListenerRegistry registry;
    private final MeterRegistry meters;
    private final List<ListenerAggregate> sites = new ArrayList<>();
    private int historySeconds = 10;

    /**
     * @param registry where probes record registrations.
     * @param meters   where each site's gauge goes.
     */
    public ListenerFeature(final ListenerRegistry registry, final MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public void historySeconds(final int seconds) {
        historySeconds = seconds;
    }

    /** @return one aggregate per registering site seen so far. */
    public Collection<ListenerAggregate> sites() {
        return sites;
    }

    @Override
    public int[] recordTypes() {
        return new int[0];
    }

    @Override
    public void onRecord(final int type, final DirectBuffer buffer, final int index) {
        // no records: registrations arrive through the registry
    }

    @Override
    public void onTick(final long nowMillis) {
        final List<RegistrationSite> all = registry.sweep();
        for (int i = sites.size(); i < all.size(); i++) {
            sites.add(new ListenerAggregate(all.get(i), historySeconds));
            bindMeter(all.get(i));
        }
        for (final ListenerAggregate site : sites) {
            site.onSample();
        }
    }

    /** Reports the sites with listeners in place; the others only have history. */
    @Override
    public void contribute(final ReportParts parts) {
        for (final ListenerAggregate aggregate : sites) {
            final RegistrationSite site = aggregate.site();
            if (site.live() == 0) {
                continue;
            }
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("container", site.container());
            m.put("liveListeners", site.live());
            m.put("registeredTotal", site.added());
            m.put("removedTotal", site.removed());
            m.put("collectedTotal", site.collected());
            parts.subject(new SubjectSnapshot(KIND, site.container() + " listeners registered at " + site.site(),
                site.site(), m));
            parts.point(KIND + ":" + site.container() + ":" + site.site(), "count", site.live());
        }
    }

    /** Binds the gauge {@code listeners.registered} of a site; sites live as long as the agent. */
    private void bindMeter(final RegistrationSite site) {
        Gauge.builder("listeners.registered", site, RegistrationSite::live)
            .description("Listeners registered by this code and not removed")
            .tags("container", site.container(), "site", site.site()).strongReference(true).register(meters);
    }

    @Override
    public void afterTick() {
        for (final ListenerAggregate site : sites) {
            site.rotate();
        }
    }
}
