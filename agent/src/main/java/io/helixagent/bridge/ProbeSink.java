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

    /**
     * A {@code ForkJoinTask} starts executing on the current thread.
     *
     * @return the start time to hand to {@link #forkJoinTaskDone}, or 0 when this execution is nested inside
     *     another one on the same thread (only outermost tasks are timed).
     */
    long forkJoinTaskStarted();

    /** The task started with {@code startNanos} finished (normally or not). */
    void forkJoinTaskDone(long startNanos);

    /** @return the time a fan-out ({@code invokeAll}, {@code allOf}) starts, or 0 when not watched. */
    long fanoutStarted();

    /** {@code invokeAll} on {@code pool}, started at {@code startNanos}, returned {@code futures} (a List). */
    void fanoutInvokeAll(Object pool, Object futures, long startNanos);

    /** {@code CompletableFuture.allOf(members)}, called at {@code startNanos}, returned {@code all}. */
    void fanoutAllOf(Object[] members, Object all, long startNanos);

    /**
     * An event publisher (a Guava {@code EventBus}, a {@code SubmissionPublisher}, a Disruptor ring's
     * {@code Sequencer}) finished a constructor; called once per constructor in the chain.
     *
     * @param name the library's own name for it (Guava's identifier), or null.
     */
    void publisherCreated(Object publisher, String name);

    /**
     * A publish call ({@code post}, {@code submit}, {@code offer}) on {@code publisher} returned.
     *
     * @param startNanos {@code System.nanoTime()} when it was called.
     * @param result     what {@code offer} returned: negative is minus the events dropped; 0 where none.
     */
    void eventPublished(Object publisher, long startNanos, int result);

    /** {@code publisher} lost {@code count} events outside a timed publish call (a failed {@code tryNext}). */
    void eventsDropped(Object publisher, int count);

    /**
     * A subscriber finished handling one event.
     *
     * @param publisher  the publisher, or null where the hook cannot see it (Flow subscribers).
     * @param handler    the listener {@code java.lang.reflect.Method} (Guava) or the subscriber object (Flow).
     * @param startNanos {@code System.nanoTime()} when handling started.
     */
    void eventHandled(Object publisher, Object handler, long startNanos);

    /** An event posted to {@code publisher} found no subscriber (Guava builds a {@code DeadEvent}). */
    void deadEvent(Object publisher);

    /** {@code subscriber} subscribed to the Flow publisher {@code publisher}. */
    void flowSubscribed(Object publisher, Object subscriber);

    /**
     * {@code listener} was registered.
     *
     * @param container the kind of container: {@code EventBus}, {@code SubmissionPublisher} or
     *                  {@code PropertyChangeSupport}.
     */
    void listenerAdded(Object listener, String container);

    /** One registration of {@code listener} was undone. */
    void listenerRemoved(Object listener);

    /**
     * A cache finished a constructor (once per constructor in the chain).
     *
     * @param libraryPackage the library's package, whose frames are not the creator; null for the package of the
     *                       cache's own class (JCache providers).
     */
    void cacheCreated(Object cache, String libraryPackage);

    /** A get of {@code key} whose outcome is known: {@code hit} when it found a value. */
    void cacheGet(Object cache, Object key, boolean hit);

    /** A get of {@code key} that hit unless {@link #cacheLoaded} or {@link #cacheMissed} follows for it. */
    void cacheRequested(Object cache, Object key);

    /** The get just requested missed and loaded {@code value} in {@code nanos} (or threw). */
    void cacheLoaded(Object cache, Object value, long nanos, boolean threw);

    /** The get just requested missed and waited for another thread's load of the same key. */
    void cacheMissed(Object cache);

    /** An entry left the cache for {@code cause}, the library's {@code RemovalCause}. */
    void cacheRemoved(Object cache, Object cause);

    /** A JCache {@code get} started; the provider may call a read-through loader before it returns. */
    void cacheGetStarted(Object cache);

    /** A JCache {@code get} of {@code key} returned {@code value} (null when it threw or found nothing). */
    void cacheGetFinished(Object cache, Object key, Object value);

    /** A JCache read-through {@code CacheLoader} returned {@code value} after {@code nanos} (or threw). */
    void cacheLoaderFinished(Object value, long nanos, boolean threw);

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
