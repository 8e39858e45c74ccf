package io.helixagent.core.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Maps host objects to small int ids without keeping them alive.
 *
 * <h2>Design</h2>
 * Probes call {@link #idOf} on every event, so it is a lock-free open-addressing lookup by identity hash
 * over an array of weak {@link Subject}s: no allocation, no lock. Registration is rare (once per object)
 * and synchronized; it inserts into the current table, or publishes a larger copy through the volatile
 * {@code table} field. A reader that misses an entry inserted concurrently falls to {@link #register},
 * which finds it under the lock, so a miss costs time, never a duplicate. Entries whose object was
 * collected are removed by {@link #expunge}, which rebuilds the table, so probe chains are never broken.
 * <p>
 * The number of live subjects per registry is capped: beyond {@link #maxSubjects} new objects are not
 * tracked ({@link #UNKNOWN}) and counted, so a host that creates pools per request cannot grow the agent.
 */
public final class SubjectRegistry {
    /** The id of an object that is not tracked. */
    public static final int UNKNOWN = 0;
    private static final int INITIAL_CAPACITY = 64;

    private final ConcurrentHashMap<Integer, Subject> byId = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int maxSubjects;
    private volatile Subject[] table = new Subject[INITIAL_CAPACITY];
    private int size;
    private int nextId = 1;
    private volatile long untracked;

    /**
     * @param maxSubjects how many live subjects to track at most.
     * @param clockMillis wall clock for creation times.
     */
    public SubjectRegistry(final int maxSubjects, final LongSupplier clockMillis) {
        this.maxSubjects = maxSubjects;
        this.clockMillis = clockMillis;
    }

    /**
     * Lock-free, allocation-free lookup for probes.
     *
     * @return the subject of {@code target}, or null when not (yet) registered.
     */
    public Subject find(final Object target) {
        final int hash = System.identityHashCode(target);
        final Subject[] t = table;
        final int mask = t.length - 1;
        int i = mix(hash) & mask;
        Subject s;
        while ((s = t[i]) != null) {
            if (s.hash == hash && s.get() == target) {
                return s;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** @return the id of {@code target}, or {@link #UNKNOWN} when not (yet) registered. */
    public int idOf(final Object target) {
        final Subject s = find(target);
        return s == null ? UNKNOWN : s.id();
    }

    /**
     * Registers {@code target} if it is not yet known.
     *
     * @param kind         the kind of subject.
     * @param creationSite where it was created, or a note saying it is unknown.
     * @return the subject, or null when the cap is reached.
     */
    public synchronized Subject register(final Object target, final String kind, final String creationSite) {
        final Subject known = find(target);
        if (known != null) {
            return known;
        }
        if (size >= maxSubjects) {
            untracked++;
            return null;
        }
        final Subject subject = new Subject(target, System.identityHashCode(target), nextId++, kind, creationSite,
            clockMillis.getAsLong());
        Subject[] t = table;
        if ((size + 1) * 2 > t.length) {
            t = rebuild(t.length * 2);
        }
        insert(t, subject);
        table = t;
        size++;
        byId.put(subject.id(), subject);
        return subject;
    }

    /** @return the subject with that id, live or collected-but-not-yet-expunged, or null. */
    public Subject get(final int id) {
        return byId.get(id);
    }

    /** @return the live subjects of one kind, in id order. */
    public List<Subject> live(final String kind) {
        final List<Subject> result = new ArrayList<>();
        for (final Subject s : byId.values()) {
            if (s.kind().equals(kind) && s.get() != null) {
                result.add(s);
            }
        }
        result.sort((x, y) -> Integer.compare(x.id(), y.id()));
        return result;
    }

    /**
     * Forgets subjects whose object was collected.
     *
     * @return the ids forgotten.
     */
    public synchronized List<Integer> expunge() {
        final List<Integer> gone = new ArrayList<>();
        for (final Subject s : byId.values()) {
            if (s.get() == null) {
                gone.add(s.id());
            }
        }
        if (!gone.isEmpty()) {
            for (final Integer id : gone) {
                byId.remove(id);
            }
            size = byId.size();
            table = rebuild(table.length);
        }
        return gone;
    }

    /** @return objects not tracked because the cap was reached. */
    public long untracked() {
        return untracked;
    }

    private Subject[] rebuild(final int capacity) {
        final Subject[] fresh = new Subject[capacity];
        for (final Subject s : byId.values()) {
            if (s.get() != null) {
                insert(fresh, s);
            }
        }
        return fresh;
    }

    private static void insert(final Subject[] t, final Subject subject) {
        final int mask = t.length - 1;
        int i = mix(subject.hash) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = subject;
    }

    private static int mix(final int hash) {
        final int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
