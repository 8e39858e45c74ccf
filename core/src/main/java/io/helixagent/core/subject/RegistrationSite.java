package io.helixagent.core.subject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The code that registers listeners on one kind of container ({@code PropertyChangeSupport}, an
 * {@code EventBus}, a {@code SubmissionPublisher}): its counters across every container and listener of that
 * kind. Probes count registrations and removals on host threads; the pipeline thread counts live and collected
 * registrations when it sweeps the {@link ListenerRegistry}.
 */
public final class RegistrationSite {
    private final int id;
    private final String container;
    private final String site;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong removed = new AtomicLong();
    private final AtomicLong untracked = new AtomicLong();
    private long collected;
    private volatile long live;

    RegistrationSite(final int id, final String container, final String site) {
        this.id = id;
        this.container = container;
        this.site = site;
    }

    /** @return a small id, unique within the registry. */
    public int id() {
        return id;
    }

    /** @return the kind of container listeners are registered on, such as {@code PropertyChangeSupport}. */
    public String container() {
        return container;
    }

    /** @return the registering code, {@code Class.method(File.java:line)}. */
    public String site() {
        return site;
    }

    /** @return registrations made here so far. */
    public long added() {
        return added.get();
    }

    /** @return registrations made here and removed again. */
    public long removed() {
        return removed.get();
    }

    /** @return registrations made here that the registry had no room to follow. */
    public long untracked() {
        return untracked.get();
    }

    /** @return registrations whose listener was collected while registered: their container went away. */
    public long collected() {
        return collected;
    }

    /** @return registrations still in place at the last sweep, including untracked ones. */
    public long live() {
        return live;
    }

    void onAdded(final boolean tracked) {
        added.incrementAndGet();
        if (!tracked) {
            untracked.incrementAndGet();
        }
    }

    void onRemoved() {
        removed.incrementAndGet();
    }

    void onCollected(final int count) {
        collected += count;
    }

    void live(final long count) {
        live = count;
    }
}
