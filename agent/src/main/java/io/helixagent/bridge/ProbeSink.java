package io.helixagent.bridge;

/**
 * Where woven host code sends what it observed. Implemented by the agent's runtime; loaded, like every
 * bridge type, by the bootstrap loader so that JDK classes can reach it.
 * <p>
 * Contract for implementations, because every call runs on a host thread in the middle of host work:
 * primitives and the instrumented objects in; no allocation, boxing, locks, blocking or logging on the
 * common path; never throw (a full buffer is counted as a drop, an internal error is counted and swallowed);
 * never keep a host object strongly reachable.
 */
public interface ProbeSink {
    /** A {@code ThreadPoolExecutor} finished its constructor (called once per constructor in the chain). */
    void executorCreated(Object pool);

    /** {@code execute} was called with {@code task}. */
    void executorSubmitted(Object pool, Object task);

    /** A worker of {@code pool} took {@code task} off the queue, or null when it is about to exit. */
    void executorTaskTaken(Object pool, Object task);

    /** The current worker of {@code pool} asks for its next task: the previous one, if any, is done. */
    void executorWorkerIdle(Object pool);

    /** {@code pool} rejected a task, whatever its {@code RejectedExecutionHandler} then does. */
    void executorRejected(Object pool);

    /** A HikariCP pool finished its constructor; {@code config} is the {@code HikariConfig} it was built from. */
    void hikariPoolCreated(Object pool, Object config);

    /**
     * {@code HikariPool.getConnection(timeout)} returned a connection or threw ({@code thrown}), having started at
     * {@code startNanos}; {@code config} is the pool's {@code HikariConfig}.
     */
    void hikariConnectionAcquired(Object pool, Object config, long startNanos, Throwable thrown);

    /** A pool handed out the connection that {@code lease} stands for (a HikariCP pool entry, an endpoint). */
    void connectionLeased(Object lease);

    /** The connection that {@code lease} stands for went back to {@code pool}. */
    void connectionReleased(Object pool, Object lease);

    /** An Apache HttpClient 5 pooling connection manager finished a constructor. */
    void httpPoolCreated(Object manager);

    /**
     * A classic HttpClient 5 exchange asked {@code manager} for a connection, starting at {@code startNanos};
     * {@code endpointRef}, an {@code AtomicReference}, holds the endpoint it got, unless it threw {@code thrown}.
     */
    void httpPoolAcquired(Object manager, Object endpointRef, long startNanos, Throwable thrown);

    /** {@code java.net.http.HttpClient.send(request, ...)} returned or threw, having started at {@code startNanos}. */
    void jdkHttpSent(Object request, long startNanos, Throwable thrown);

    /** {@code java.net.http.HttpClient.sendAsync(request, ...)} returned {@code future}, a CompletableFuture. */
    void jdkHttpSentAsync(Object request, long startNanos, Object future);

    /** An {@code HttpURLConnection} is about to connect (called again by later steps of the same exchange). */
    void urlConnectionStarted(Object connection);

    /**
     * An {@code HttpURLConnection} exchange ended: its response arrived or it threw {@code thrown}, while
     * {@code connecting} or later; {@code url} is its {@code URL}.
     */
    void urlConnectionEnded(Object connection, Object url, Throwable thrown, boolean connecting);

    /** A classic Apache HttpClient 5 call to {@code target} (an {@code HttpHost}) returned or threw. */
    void apacheHttpExecuted(Object target, long startNanos, Throwable thrown);
}
