package io.helixagent.agent.probe;

import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.http.HttpCallProbes;
import io.helixagent.bridge.ProbeSink;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's {@link ProbeSink}: routes each probe to its library's handler, and makes sure nothing a
 * handler does can reach the host: any throwable is counted and swallowed here, before the advice's own
 * {@code suppress} would have to.
 */
public final class RuntimeProbeSink implements ProbeSink {
    private final ExecutorProbes executor;
    private final ConnectionPoolProbes pools;
    private final HttpCallProbes http;
    private final AtomicLong errors = new AtomicLong();

    /**
     * @param executor the {@code ThreadPoolExecutor} handler.
     * @param pools    the connection-pool handler (HikariCP, HttpClient 5).
     * @param http     the outbound HTTP handler.
     */
    public RuntimeProbeSink(final ExecutorProbes executor, final ConnectionPoolProbes pools,
                            final HttpCallProbes http) {
        this.executor = executor;
        this.pools = pools;
        this.http = http;
    }

    /** @return throwables caught from handlers. */
    public long errors() {
        return errors.get();
    }

    @Override
    public void executorCreated(final Object pool) {
        try {
            executor.created(pool);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorSubmitted(final Object pool, final Object task) {
        try {
            executor.submitted(task);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorTaskTaken(final Object pool, final Object task) {
        try {
            executor.taken(pool, task);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorWorkerIdle(final Object pool) {
        try {
            executor.idle();
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void executorRejected(final Object pool) {
        try {
            executor.rejected(pool);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void hikariPoolCreated(final Object pool, final Object config) {
        try {
            pools.hikariCreated(pool, config);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void hikariConnectionAcquired(final Object pool, final Object config, final long startNanos,
                                         final Throwable thrown) {
        try {
            pools.hikariAcquired(pool, config, startNanos, thrown);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void connectionLeased(final Object lease) {
        try {
            pools.leased(lease);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void connectionReleased(final Object pool, final Object lease) {
        try {
            pools.released(pool, lease);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void httpPoolCreated(final Object manager) {
        try {
            pools.httpPoolCreated(manager);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void httpPoolAcquired(final Object manager, final Object endpointRef, final long startNanos,
                                 final Throwable thrown) {
        try {
            pools.httpPoolAcquired(manager, endpointRef, startNanos, thrown);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void jdkHttpSent(final Object request, final long startNanos, final Throwable thrown) {
        try {
            http.jdkSent(request, startNanos, thrown);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void jdkHttpSentAsync(final Object request, final long startNanos, final Object future) {
        try {
            http.jdkSentAsync(request, startNanos, future);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void urlConnectionStarted(final Object connection) {
        try {
            http.urlConnectionStarted(connection);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void urlConnectionEnded(final Object connection, final Object url, final Throwable thrown,
                                   final boolean connecting) {
        try {
            http.urlConnectionEnded(connection, url, thrown, connecting);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void apacheHttpExecuted(final Object target, final long startNanos, final Throwable thrown) {
        try {
            http.apacheExecuted(target, startNanos, thrown);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }
}
