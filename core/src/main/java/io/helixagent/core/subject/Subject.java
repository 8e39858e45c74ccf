package io.helixagent.core.subject;

import java.lang.ref.WeakReference;

/**
 * A host object the agent watches (a pool, a cache, ...), held weakly so the agent never keeps it alive.
 * Its id is what probes put into records; its name and creation site are what findings show users.
 */
public final class Subject extends WeakReference<Object> {
    /** The creation site of objects that existed before the agent attached: nobody saw them being made. */
    public static final String SITE_BEFORE_ATTACH = "unknown (created before helix-agent attached)";

    final int hash;
    private final int id;
    private final String kind;
    private final String type;
    private final String creationSite;
    private final long createdAtMillis;
    private volatile String name;
    private volatile Object probeState;

    Subject(final Object target, final int hash, final int id, final String kind, final String creationSite,
            final long createdAtMillis) {
        super(target);
        this.hash = hash;
        this.id = id;
        this.kind = kind;
        this.type = target.getClass().getName();
        this.creationSite = creationSite;
        this.createdAtMillis = createdAtMillis;
    }

    /** @return the id carried by records, never {@link SubjectRegistry#UNKNOWN}. */
    public int id() {
        return id;
    }

    /** @return the kind of thing, such as {@code executor}. */
    public String kind() {
        return kind;
    }

    /** @return the class name of the watched object. */
    public String type() {
        return type;
    }

    /** @return the first application frame that created it, or a note saying it is unknown. */
    public String creationSite() {
        return creationSite;
    }

    /** @return when it was registered, epoch milliseconds. */
    public long createdAtMillis() {
        return createdAtMillis;
    }

    /** @return the library's own name for it (thread-name prefix, pool name), or null while unknown. */
    public String name() {
        return name;
    }

    /** Sets the library's own name once it is known; later calls do not change it. */
    public void nameIfAbsent(final String libraryName) {
        if (name == null && libraryName != null && !libraryName.isEmpty()) {
            name = libraryName;
        }
    }

    /**
     * @return what the probe handler keeps for this subject on host threads (a cache's counters), or null. Probes
     *     that find a subject without it ignore the event: it is set right after registration.
     */
    public Object probeState() {
        return probeState;
    }

    /** Attaches the probe handler's per-subject state; set once, right after registration. */
    public void probeState(final Object state) {
        probeState = state;
    }

    /** @return the name, or the simple class name and id while the name is unknown. */
    public String displayName() {
        final String known = name;
        if (known != null) {
            return known;
        }
        final int dot = type.lastIndexOf('.');
        return type.substring(dot + 1) + "#" + id;
    }

    /** @return what findings name: {@code <name> (created at <site>)}. */
    public String describe() {
        return displayName() + (SITE_BEFORE_ATTACH.equals(creationSite) ? " (created before helix-agent attached)"
            : " (created at " + creationSite + ")");
    }
}
