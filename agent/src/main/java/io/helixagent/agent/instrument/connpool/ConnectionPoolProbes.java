package io.helixagent.agent.instrument.connpool;

import io.helixagent.agent.probe.CreationSite;
import io.helixagent.agent.probe.IdentityStamps;
import io.helixagent.agent.probe.Throwables;
import io.helixagent.core.feature.ConnectionPoolFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.Outcome;
import io.helixagent.core.record.RecordType;
import io.helixagent.core.subject.Subject;
import io.helixagent.core.subject.SubjectRegistry;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the connection-pool probes do, on host threads, for HikariCP pools and Apache HttpClient 5 connection
 * managers alike.
 *
 * <h2>Wait</h2>
 * The time a caller spends in the library's acquire call ({@code HikariPool.getConnection(timeout)}, the classic
 * exec runtime's {@code acquireEndpoint}), with its outcome: the library's own timeout exception
 * ({@code SQLTransientConnectionException}, {@code ConnectionRequestTimeoutException}) is a timeout, any other a
 * failure. Told apart by class name: neither type is the agent's to load.
 *
 * <h2>Hold</h2>
 * When a connection is handed out, its lease object (HikariCP's pool entry, HttpClient's endpoint) is stamped in
 * {@link IdentityStamps}; when it goes back, the stamp is taken and the difference is the hold time. No wrapper
 * objects, no maps: a connection handed out before the agent attached simply has no stamp.
 *
 * <h2>Cost</h2>
 * Per acquisition: two clock reads, a lock-free subject look-up and one ring-buffer record; per release: a stamp
 * taken and one record. No allocation once a pool is registered.
 */
public final class ConnectionPoolProbes {
    private static final String HIKARI_PACKAGE = "com.zaxxer.hikari.";
    private static final String HTTP_PACKAGE = "org.apache.hc.";
    private static final String HIKARI_TIMEOUT = "java.sql.SQLTransientConnectionException";
    private static final String LEASE_TIMEOUT = "org.apache.hc.core5.http.ConnectionRequestTimeoutException";
    private static final String[] POOLING_MANAGERS = {
        "org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager",
        "org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager"};

    private final RecordRing ring;
    private final SubjectRegistry subjects;
    private final ConnectionPoolFeature feature;
    private final IdentityStamps leases = new IdentityStamps();

    /**
     * @param ring     where records go.
     * @param subjects where pools are registered.
     * @param feature  told where each HikariCP pool's settings are read from.
     */
    public ConnectionPoolProbes(final RecordRing ring, final SubjectRegistry subjects,
                                final ConnectionPoolFeature feature) {
        this.ring = ring;
        this.subjects = subjects;
        this.feature = feature;
    }

    public void hikariCreated(final Object pool, final Object config) {
        if (subjects.find(pool) == null) {
            registerHikari(pool, config, CreationSite.of(pool, HIKARI_PACKAGE));
        }
    }

    public void hikariAcquired(final Object pool, final Object config, final long startNanos,
                               final Throwable thrown) {
        final long now = System.nanoTime();
        final Subject known = subjects.find(pool);
        final Subject subject = known != null ? known : registerHikari(pool, config, CreationSite.BEFORE_ATTACH);
        if (subject != null) {
            acquired(subject, now - startNanos, thrown, HIKARI_TIMEOUT);
        }
    }

    /** Pools created before a dynamic attach are registered on their first acquisition. */
    private Subject registerHikari(final Object pool, final Object config, final String site) {
        final Subject subject = subjects.register(pool, ConnectionPoolFeature.HIKARI, site);
        if (subject != null) {
            feature.settingsSource(subject, config);
        }
        return subject;
    }

    public void leased(final Object lease) {
        leases.stamp(lease, System.nanoTime());
    }

    public void released(final Object pool, final Object lease) {
        final long start = leases.take(lease);
        if (start == IdentityStamps.NONE) {
            return;
        }
        final Subject subject = subjects.find(pool);
        if (subject != null) {
            ring.publish(RecordType.CONNECTION_RELEASED, subject.id(), Outcome.OK, System.nanoTime() - start, 0);
        }
    }

    public void httpPoolCreated(final Object manager) {
        if (subjects.find(manager) == null) {
            subjects.register(manager, ConnectionPoolFeature.HTTP_CLIENT, CreationSite.of(manager, HTTP_PACKAGE));
        }
    }

    public void httpPoolAcquired(final Object manager, final Object endpointRef, final long startNanos,
                                 final Throwable thrown) {
        final long now = System.nanoTime();
        final Subject subject = httpPoolOf(manager);
        if (subject == null) {
            return;
        }
        if (thrown == null && endpointRef instanceof AtomicReference) {
            final Object endpoint = ((AtomicReference<?>) endpointRef).get();
            if (endpoint != null) {
                leases.stamp(endpoint, now);
            }
        }
        acquired(subject, now - startNanos, thrown, LEASE_TIMEOUT);
    }

    /**
     * @return the manager's subject; one created before a dynamic attach is registered now, if it pools (the
     *     exec runtime also serves managers that keep a single connection).
     */
    private Subject httpPoolOf(final Object manager) {
        final Subject known = subjects.find(manager);
        if (known != null || manager == null || !isPooling(manager.getClass())) {
            return known;
        }
        return subjects.register(manager, ConnectionPoolFeature.HTTP_CLIENT, CreationSite.BEFORE_ATTACH);
    }

    private static boolean isPooling(final Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (final String name : POOLING_MANAGERS) {
                if (c.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void acquired(final Subject subject, final long waitNanos, final Throwable thrown,
                          final String timeoutClass) {
        final int outcome = thrown == null ? Outcome.OK
            : Throwables.isA(thrown, timeoutClass) ? Outcome.TIMEOUT : Outcome.FAILED;
        ring.publish(RecordType.CONNECTION_ACQUIRED, subject.id(), outcome, waitNanos, 0);
    }
}
