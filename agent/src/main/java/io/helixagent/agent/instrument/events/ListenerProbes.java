package io.helixagent.agent.instrument.events;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.core.feature.ListenerFeature;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.RegistrationSite;

/**
 * What the listener-registration probes do, on host threads: find the registering code and remember the
 * registration in the {@link ListenerRegistry} without holding the listener; undo it on removal.
 * <p>
 * Cost: a registration walks the stack to its first application frame (a few microseconds) and allocates one
 * weak entry; a removal scans a few table slots. Registrations are rare next to events, and a code path that
 * registers per request already does more work than this per request.
 */
public final class ListenerProbes {
    private final ListenerRegistry registry;

    /** @param registry where registrations are remembered. */
    public ListenerProbes(final ListenerRegistry registry) {
        this.registry = registry;
    }

    public void added(final Object listener, final String container) {
        if (listener == null) {
            return;
        }
        final RegistrationSite site = registry.site(container, switch (container) {
            case ListenerFeature.CONTAINER_EVENTBUS -> CreationSite.caller(EventProbes.GUAVA, "register");
            case ListenerFeature.CONTAINER_FLOW -> CreationSite.caller(null, "subscribe");
            default -> CreationSite.caller(null, "addPropertyChangeListener");
        });
        if (site != null) {
            registry.added(listener, site);
        }
    }

    public void removed(final Object listener) {
        if (listener != null) {
            registry.removed(listener);
        }
    }
}
