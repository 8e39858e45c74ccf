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
