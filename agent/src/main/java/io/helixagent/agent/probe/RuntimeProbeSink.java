package io.helixagent.agent.probe;

import io.helixagent.agent.instrument.cache.CacheProbes;
import io.helixagent.agent.instrument.connpool.ConnectionPoolProbes;
import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.agent.instrument.executor.ExecutorProbes;
import io.helixagent.agent.instrument.executor.FanoutProbes;
import io.helixagent.agent.instrument.executor.ForkJoinProbes;
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
    private final ForkJoinProbes forkJoin;
    private final FanoutProbes fanout;
    private final EventProbes events;
    private final ListenerProbes listeners;
    private final CacheProbes cache;
    private final ConnectionPoolProbes pools;
    private final HttpCallProbes http;
    private final AtomicLong errors = new AtomicLong();

    /** @param handlers every library's handler. */
    public RuntimeProbeSink(final ProbeHandlers handlers) {
        this.executor = handlers.executor();
        this.forkJoin = handlers.forkJoin();
        this.fanout = handlers.fanout();
        this.events = handlers.events();
        this.listeners = handlers.listeners();
        this.cache = handlers.cache();
        this.pools = handlers.pools();
        this.http = handlers.http();
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
    public long forkJoinTaskStarted() {
        try {
            return forkJoin.started();
        } catch (final Throwable t) {
            errors.incrementAndGet();
            return 0;
        }
    }

    @Override
    public void forkJoinTaskDone(final long startNanos) {
        try {
            forkJoin.done(startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public long fanoutStarted() {
        try {
            return fanout.started();
        } catch (final Throwable t) {
            errors.incrementAndGet();
            return 0;
        }
    }

    @Override
    public void fanoutInvokeAll(final Object pool, final Object futures, final long startNanos) {
        try {
            fanout.invokeAll(futures, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void fanoutAllOf(final Object[] members, final Object all, final long startNanos) {
        try {
            fanout.allOf(members, all, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void publisherCreated(final Object publisher, final String name) {
        try {
            events.created(publisher, name);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventPublished(final Object publisher, final long startNanos, final int result) {
        try {
            events.published(publisher, startNanos, result);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventsDropped(final Object publisher, final int count) {
        try {
            events.dropped(publisher, count);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void eventHandled(final Object publisher, final Object handler, final long startNanos) {
        try {
            events.handled(publisher, handler, startNanos);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void deadEvent(final Object publisher) {
        try {
            events.dead(publisher);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void flowSubscribed(final Object publisher, final Object subscriber) {
        try {
            events.subscribed(publisher, subscriber);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void listenerAdded(final Object listener, final String container) {
        try {
            listeners.added(listener, container);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void listenerRemoved(final Object listener) {
        try {
            listeners.removed(listener);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheCreated(final Object c, final String libraryPackage) {
        try {
            cache.created(c, libraryPackage);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheGet(final Object c, final Object key, final boolean hit) {
        try {
            cache.get(c, key, hit);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheRequested(final Object c, final Object key) {
        try {
            cache.requested(c, key);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheLoaded(final Object c, final Object value, final long nanos, final boolean threw) {
        try {
            cache.loaded(c, value, nanos, threw);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheMissed(final Object c) {
        try {
            cache.missed(c);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheRemoved(final Object c, final Object cause) {
        try {
            cache.removed(c, cause);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheGetStarted(final Object c) {
        try {
            cache.getStarted(c);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheGetFinished(final Object c, final Object key, final Object value) {
        try {
            cache.getFinished(c, key, value);
        } catch (final Throwable t) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void cacheLoaderFinished(final Object value, final long nanos, final boolean threw) {
        try {
            cache.loaderFinished(value, nanos, threw);
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
