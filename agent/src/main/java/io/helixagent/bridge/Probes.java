package io.helixagent.bridge;

/**
 * The static entry points that woven advice calls. Each method reads the installed sink once and hands
 * over primitives and the instrumented object; with no agent running (before start, after detach) it
 * does nothing. Kept minimal on purpose: this class lives in the bootstrap loader for the life of the JVM.
 */
public final class Probes {
    /** Version of these bridge classes; a later attach of another version must not reuse them. */
    public static final String BRIDGE_VERSION = BridgeVersion.VALUE;

    private static volatile ProbeSink sink;
    private static volatile AgentHandle handle;

    private Probes() {
    }

    /**
     * Installs (or, with nulls, removes) the running agent.
     *
     * @param newSink where probes report.
     * @param newHandle the control handle of the running agent.
     */
    public static void install(final ProbeSink newSink, final AgentHandle newHandle) {
        sink = newSink;
        handle = newHandle;
    }

    /** @return the running agent's handle, or null when no agent runs. */
    public static AgentHandle handle() {
        return handle;
    }

    /** @return the installed sink, or null. */
    public static ProbeSink sink() {
        return sink;
    }

    public static void executorCreated(final Object pool) {
        final ProbeSink s = sink;
        if (s != null) {
            s.executorCreated(pool);
        }
    }

    public static void executorSubmitted(final Object pool, final Object task) {
        final ProbeSink s = sink;
        if (s != null) {
            s.executorSubmitted(pool, task);
        }
    }

    public static void executorTaskTaken(final Object pool, final Object task) {
        final ProbeSink s = sink;
        if (s != null) {
            s.executorTaskTaken(pool, task);
        }
    }

    public static void executorWorkerIdle(final Object pool) {
        final ProbeSink s = sink;
        if (s != null) {
            s.executorWorkerIdle(pool);
        }
    }

    public static void executorRejected(final Object pool) {
        final ProbeSink s = sink;
        if (s != null) {
            s.executorRejected(pool);
        }
    }

    public static long forkJoinTaskStarted() {
        final ProbeSink s = sink;
        return s != null ? s.forkJoinTaskStarted() : 0;
    }

    public static void forkJoinTaskDone(final long startNanos) {
        final ProbeSink s = sink;
        if (s != null) {
            s.forkJoinTaskDone(startNanos);
        }
    }

    public static long fanoutStarted() {
        final ProbeSink s = sink;
        return s != null ? s.fanoutStarted() : 0;
    }

    public static void fanoutInvokeAll(final Object pool, final Object futures, final long startNanos) {
        final ProbeSink s = sink;
        if (s != null && startNanos != 0) {
            s.fanoutInvokeAll(pool, futures, startNanos);
        }
    }

    public static void fanoutAllOf(final Object[] members, final Object all, final long startNanos) {
        final ProbeSink s = sink;
        if (s != null && startNanos != 0) {
            s.fanoutAllOf(members, all, startNanos);
        }
    }

    public static void publisherCreated(final Object publisher, final String name) {
        final ProbeSink s = sink;
        if (s != null) {
            s.publisherCreated(publisher, name);
        }
    }

    public static void eventPublished(final Object publisher, final long startNanos, final int result) {
        final ProbeSink s = sink;
        if (s != null) {
            s.eventPublished(publisher, startNanos, result);
        }
    }

    public static void eventsDropped(final Object publisher, final int count) {
        final ProbeSink s = sink;
        if (s != null) {
            s.eventsDropped(publisher, count);
        }
    }

    public static void eventHandled(final Object publisher, final Object handler, final long startNanos) {
        final ProbeSink s = sink;
        if (s != null) {
            s.eventHandled(publisher, handler, startNanos);
        }
    }

    public static void deadEvent(final Object publisher) {
        final ProbeSink s = sink;
        if (s != null) {
            s.deadEvent(publisher);
        }
    }

    public static void flowSubscribed(final Object publisher, final Object subscriber) {
        final ProbeSink s = sink;
        if (s != null) {
            s.flowSubscribed(publisher, subscriber);
        }
    }

    public static void listenerAdded(final Object listener, final String container) {
        final ProbeSink s = sink;
        if (s != null) {
            s.listenerAdded(listener, container);
        }
    }

    public static void listenerRemoved(final Object listener) {
        final ProbeSink s = sink;
        if (s != null) {
            s.listenerRemoved(listener);
        }
    }

    public static void cacheCreated(final Object cache, final String libraryPackage) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheCreated(cache, libraryPackage);
        }
    }

    public static void cacheGet(final Object cache, final Object key, final boolean hit) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheGet(cache, key, hit);
        }
    }

    public static void cacheRequested(final Object cache, final Object key) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheRequested(cache, key);
        }
    }

    public static void cacheLoaded(final Object cache, final Object value, final long nanos, final boolean threw) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheLoaded(cache, value, nanos, threw);
        }
    }

    public static void cacheMissed(final Object cache) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheMissed(cache);
        }
    }

    public static void cacheRemoved(final Object cache, final Object cause) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheRemoved(cache, cause);
        }
    }

    public static void cacheGetStarted(final Object cache) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheGetStarted(cache);
        }
    }

    public static void cacheGetFinished(final Object cache, final Object key, final Object value) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheGetFinished(cache, key, value);
        }
    }

    public static void cacheLoaderFinished(final Object value, final long nanos, final boolean threw) {
        final ProbeSink s = sink;
        if (s != null) {
            s.cacheLoaderFinished(value, nanos, threw);
        }
    }

    public static void hikariPoolCreated(final Object pool, final Object config) {
        final ProbeSink s = sink;
        if (s != null) {
            s.hikariPoolCreated(pool, config);
        }
    }

    public static void hikariConnectionAcquired(final Object pool, final Object config, final long startNanos,
                                                final Throwable thrown) {
        final ProbeSink s = sink;
        if (s != null) {
            s.hikariConnectionAcquired(pool, config, startNanos, thrown);
        }
    }

    public static void connectionLeased(final Object lease) {
        final ProbeSink s = sink;
        if (s != null) {
            s.connectionLeased(lease);
        }
    }

    public static void connectionReleased(final Object pool, final Object lease) {
        final ProbeSink s = sink;
        if (s != null) {
            s.connectionReleased(pool, lease);
        }
    }

    public static void httpPoolCreated(final Object manager) {
        final ProbeSink s = sink;
        if (s != null) {
            s.httpPoolCreated(manager);
        }
    }

    public static void httpPoolAcquired(final Object manager, final Object endpointRef, final long startNanos,
                                        final Throwable thrown) {
        final ProbeSink s = sink;
        if (s != null) {
            s.httpPoolAcquired(manager, endpointRef, startNanos, thrown);
        }
    }

    public static void jdkHttpSent(final Object request, final long startNanos, final Throwable thrown) {
        final ProbeSink s = sink;
        if (s != null) {
            s.jdkHttpSent(request, startNanos, thrown);
        }
    }

    public static void jdkHttpSentAsync(final Object request, final long startNanos, final Object future) {
        final ProbeSink s = sink;
        if (s != null) {
            s.jdkHttpSentAsync(request, startNanos, future);
        }
    }

    public static void urlConnectionStarted(final Object connection) {
        final ProbeSink s = sink;
        if (s != null) {
            s.urlConnectionStarted(connection);
        }
    }

    public static void urlConnectionEnded(final Object connection, final Object url, final Throwable thrown,
                                          final boolean connecting) {
        final ProbeSink s = sink;
        if (s != null) {
            s.urlConnectionEnded(connection, url, thrown, connecting);
        }
    }

    public static void apacheHttpExecuted(final Object target, final long startNanos, final Throwable thrown) {
        final ProbeSink s = sink;
        if (s != null) {
            s.apacheHttpExecuted(target, startNanos, thrown);
        }
    }
}
