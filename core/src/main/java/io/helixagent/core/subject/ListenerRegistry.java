package io.helixagent.core.subject;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which code registered each listener that is still registered, without keeping any listener alive.
 *
 * <h2>Why a table and not records</h2>
 * A removal happens somewhere else than the registration it undoes, but it must be charged to the registering
 * code: only that says which registrations are never undone. So each registration is remembered, by the
 * listener's identity, next to its {@link RegistrationSite}; a removal finds it and counts for that site. Counting
 * registrations alone, or sampling each container's size, could not name the code.
 *
 * <h2>Design</h2>
 * A fixed table of {@value #SLOTS} weak entries keyed by identity hash. A listener lives in one of the
 * {@value #WINDOW} slots after its hash, and both look-ups scan that whole window, so clearing a slot never breaks
 * another entry's chain and every operation is bounded. Registration claims a free slot with a compare-and-set
 * (or adds to the listener's existing entry: a listener registered twice is removed twice); removal decrements and
 * frees the slot at zero. A registration that finds its window full is counted as untracked on its site, which
 * then reports it as live: an upper bound, the right side to err on for a leak.
 * <p>
 * The pipeline thread {@link #sweep}s the table once per tick: it counts live registrations per site and drops
 * entries whose listener was collected while registered (its container went away with it, so that is no leak).
 * <p>
 * Cost: registering allocates one entry; removing scans 16 slots. Both are rare next to the events themselves.
 */
public final class ListenerRegistry {
    private static final int SLOTS = 1 << 16;
    private static final int MASK = SLOTS - 1;
    private static final int WINDOW = 16;
    private static final int MAX_SITES = 1000;

    private final AtomicReferenceArray<Entry> table = new AtomicReferenceArray<>(SLOTS);
    private final ConcurrentHashMap<String, RegistrationSite> sites = new ConcurrentHashMap<>();
    private final List<RegistrationSite> siteList = new ArrayList<>();
    private long[] liveBySite = new long[0];

    /**
     * @param container the kind of container, such as {@code PropertyChangeSupport}.
     * @param site      the registering code.
     * @return the site, created on first use; null once {@value #MAX_SITES} sites exist.
     */
    public RegistrationSite site(final String container, final String site) {
        final String key = container + '|' + site;
        final RegistrationSite known = sites.get(key);
        if (known != null) {
            return known;
        }
        synchronized (siteList) {
            final RegistrationSite again = sites.get(key);
            if (again != null || siteList.size() >= MAX_SITES) {
                return again;
            }
            final RegistrationSite created = new RegistrationSite(siteList.size(), container, site);
            siteList.add(created);
            sites.put(key, created);
            return created;
        }
    }

    /** Remembers that {@code site} registered {@code listener}. */
    public void added(final Object listener, final RegistrationSite site) {
        final int hash = System.identityHashCode(listener);
        for (int i = 0; i < WINDOW; i++) {
            final Entry e = table.get((hash + i) & MASK);
            if (e != null && e.hash == hash && e.site == site && e.get() == listener) {
                Entry.COUNT.incrementAndGet(e);
                site.onAdded(true);
                return;
            }
        }
        final Entry entry = new Entry(listener, hash, site);
        for (int i = 0; i < WINDOW; i++) {
            if (table.get((hash + i) & MASK) == null && table.compareAndSet((hash + i) & MASK, null, entry)) {
                site.onAdded(true);
                return;
            }
        }
        site.onAdded(false);
    }

    /** Undoes one registration of {@code listener}; one that was never seen (made before attach) is ignored. */
    public void removed(final Object listener) {
        final int hash = System.identityHashCode(listener);
        for (int i = 0; i < WINDOW; i++) {
            final int slot = (hash + i) & MASK;
            final Entry e = table.get(slot);
            if (e != null && e.hash == hash && e.get() == listener) {
                final int left = Entry.COUNT.decrementAndGet(e);
                if (left >= 0) {
                    e.site.onRemoved();
                }
                if (left <= 0) {
                    table.compareAndSet(slot, e, null);
                }
                return;
            }
        }
    }

    /**
     * Counts live registrations per site and forgets collected listeners. Pipeline thread only. A site created
     * while the sweep runs is counted from the next sweep on.
     *
     * @return every site, with {@link RegistrationSite#live()} up to date.
     */
    public List<RegistrationSite> sweep() {
        final List<RegistrationSite> all;
        synchronized (siteList) {
            all = List.copyOf(siteList);
        }
        if (liveBySite.length < all.size()) {
            liveBySite = new long[Math.max(all.size(), liveBySite.length * 2)];
        }
        java.util.Arrays.fill(liveBySite, 0);
        for (int slot = 0; slot < SLOTS; slot++) {
            final Entry e = table.get(slot);
            if (e == null) {
                continue;
            }
            if (e.get() != null) {
                if (e.site.id() < all.size()) {
                    liveBySite[e.site.id()] += Math.max(0, e.count);
                }
            } else if (table.compareAndSet(slot, e, null)) {
                e.site.onCollected(Math.max(0, e.count));
            }
        }
        for (final RegistrationSite site : all) {
            site.live(liveBySite[site.id()] + site.untracked());
        }
        return all;
    }

    /** One registered listener, weakly held, and how many registrations of it are in place. */
    private static final class Entry extends WeakReference<Object> {
        static final AtomicIntegerFieldUpdater<Entry> COUNT = AtomicIntegerFieldUpdater.newUpdater(Entry.class,
            "count");
        final int hash;
        final RegistrationSite site;
        volatile int count = 1;

        Entry(final Object listener, final int hash, final RegistrationSite site) {
            super(listener);
            this.hash = hash;
            this.site = site;
        }
    }
}
