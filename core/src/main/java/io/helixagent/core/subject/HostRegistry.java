package io.helixagent.core.subject;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the targets of outbound HTTP calls to small int ids, by scheme, host and port only: a path or a query
 * string never reaches the agent, so no report can contain one (SPEC section 4).
 *
 * <h2>Design</h2>
 * Probes call {@link #idOf} once per HTTP call with the strings the client already holds (a {@code URI}'s
 * scheme and host), so the look-up is lock-free and allocation-free: open addressing over an array of
 * immutable entries, hashed and compared without regard to letter case, as host names are. Adding a host is
 * rare (once per host) and synchronized; it publishes a larger copy through the volatile {@code table} field,
 * and a reader that misses an entry inserted concurrently finds it under the lock, so a miss costs time, never
 * a duplicate. Hosts are never forgotten, and their number is capped: beyond {@link #maxHosts} every new host
 * shares the id {@link #OTHER}, so an application calling a million hosts cannot grow the agent.
 */
public final class HostRegistry {
    /** The id of a call whose target is unknown. */
    public static final int UNKNOWN = 0;
    /** The id shared by all hosts beyond the cap. */
    public static final int OTHER = 1;
    /** The name of {@link #OTHER}. */
    public static final String OTHER_NAME = "(other hosts)";
    private static final int INITIAL_CAPACITY = 64;
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private final ConcurrentHashMap<Integer, String> names = new ConcurrentHashMap<>();
    private final int maxHosts;
    private volatile Host[] table = new Host[INITIAL_CAPACITY];
    private int size;
    private int nextId = OTHER + 1;

    /** @param maxHosts how many distinct hosts get their own id. */
    public HostRegistry(final int maxHosts) {
        this.maxHosts = maxHosts;
        names.put(OTHER, OTHER_NAME);
    }

    /**
     * Lock-free, allocation-free for a known host.
     *
     * @param scheme {@code http}, {@code https}, ..., any case.
     * @param host   the host name or address, any case; null gives {@link #UNKNOWN}.
     * @param port   the port, or -1 for the scheme's default.
     * @return the host's id.
     */
    public int idOf(final String scheme, final String host, final int port) {
        if (host == null || scheme == null) {
            return UNKNOWN;
        }
        final int p = port >= 0 ? port : defaultPort(scheme);
        final int hash = hash(scheme, host, p);
        final Host found = find(table, scheme, host, p, hash);
        return found != null ? found.id : register(scheme, host, p, hash);
    }

    /** @return {@code scheme://host:port} of an id, or null for an id never handed out. */
    public String name(final int id) {
        return names.get(id);
    }

    private synchronized int register(final String scheme, final String host, final int port, final int hash) {
        final Host known = find(table, scheme, host, port, hash);
        if (known != null) {
            return known.id;
        }
        if (size >= maxHosts) {
            return OTHER;
        }
        final String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        final String lowerHost = host.toLowerCase(Locale.ROOT);
        final Host entry = new Host(lowerScheme, lowerHost, port, hash, nextId++);
        Host[] t = table;
        if ((size + 1) * 2 > t.length) {
            final Host[] bigger = new Host[t.length * 2];
            for (final Host h : t) {
                if (h != null) {
                    insert(bigger, h);
                }
            }
            t = bigger;
        } else {
            t = t.clone();
        }
        insert(t, entry);
        names.put(entry.id, lowerScheme + "://" + lowerHost + ":" + port);
        table = t;
        size++;
        return entry.id;
    }

    private static Host find(final Host[] t, final String scheme, final String host, final int port,
                             final int hash) {
        final int mask = t.length - 1;
        int i = hash & mask;
        Host h;
        while ((h = t[i]) != null) {
            if (h.hash == hash && h.port == port && h.host.equalsIgnoreCase(host)
                && h.scheme.equalsIgnoreCase(scheme)) {
                return h;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static void insert(final Host[] t, final Host entry) {
        final int mask = t.length - 1;
        int i = entry.hash & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        t[i] = entry;
    }

    /** A case-insensitive hash of the three parts, computed without building a string. */
    static int hash(final String scheme, final String host, final int port) {
        int h = port;
        for (int i = 0; i < scheme.length(); i++) {
            h = 31 * h + Character.toLowerCase(scheme.charAt(i));
        }
        for (int i = 0; i < host.length(); i++) {
            h = 31 * h + Character.toLowerCase(host.charAt(i));
        }
        final int mixed = h * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }

    private static int defaultPort(final String scheme) {
        return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? HTTPS_PORT : HTTP_PORT;
    }

    /** One known host, immutable. */
    private static final class Host {
        final String scheme;
        final String host;
        final int port;
        final int hash;
        final int id;

        Host(final String scheme, final String host, final int port, final int hash, final int id) {
            this.scheme = scheme;
            this.host = host;
            this.port = port;
            this.hash = hash;
            this.id = id;
        }
    }
}
