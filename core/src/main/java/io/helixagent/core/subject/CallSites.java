package io.helixagent.core.subject;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Small int ids for places in the application's code, such as the caller of a fan-out, so that records can
 * carry them. Capped at {@link #MAX_SITES}: beyond that, new sites are not tracked.
 */
public final class CallSites {
    /** The most sites tracked. */
    public static final int MAX_SITES = 1000;

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, String> sites = new ConcurrentHashMap<>();

    /** @return the id of {@code site}, registering it on first sight, or {@link SubjectRegistry#UNKNOWN} past the cap. */
    public int idOf(final String site) {
        final Integer known = ids.get(site);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            final Integer raced = ids.get(site);
            if (raced != null) {
                return raced;
            }
            if (ids.size() >= MAX_SITES) {
                return SubjectRegistry.UNKNOWN;
            }
            final int id = ids.size() + 1;
            ids.put(site, id);
            sites.put(id, site);
            return id;
        }
    }

    /** @return the site with that id, or null. */
    public String site(final int id) {
        return sites.get(id);
    }
}
