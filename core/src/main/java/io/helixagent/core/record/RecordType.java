package io.helixagent.core.record;

/**
 * Every record type id, in one place. Ids are Agrona message type ids, so they must be positive.
 * For each: what {@code subject}, {@code aux}, {@code a} and {@code b} of {@link RecordLayout} carry.
 */
public final class RecordType {
    /** A worker-pool task finished. subject: pool; a: queue wait ns, or -1 when unknown; b: run ns. */
    public static final int EXECUTOR_TASK = 1;
    /** A worker pool rejected a task. subject: pool. */
    public static final int EXECUTOR_REJECTED = 2;
    /**
     * A parallel fan-out finished. subject: call site ({@code CallSites}); aux: members in the high 16 bits, the
     * index of the slowest member in the low 16; a: the slowest member's time from the fan-out's start, ns;
     * b: the median member's, ns.
     */
    public static final int FANOUT = 3;
    /**
     * An event publish call returned. subject: publisher; a: nanoseconds spent in the call
     * ({@code EventBus.post}, {@code SubmissionPublisher.submit/offer}); b: events it dropped (offer's negative
     * result), else 0.
     */
    public static final int EVENT_PUBLISHED = 40;
    /** A publisher lost events without a publish call to time. subject: publisher; a: events dropped. */
    public static final int EVENT_DROPPED = 41;
    /**
     * A subscriber handled one event. subject: publisher, or 0 when the probe cannot know it (Flow subscribers, see
     * {@link #EVENT_SUBSCRIBED}); aux: the subscriber's subject; a: handling nanoseconds.
     */
    public static final int EVENT_HANDLED = 42;
    /** An event was posted with no subscriber for it (Guava {@code DeadEvent}). subject: publisher. */
    public static final int EVENT_DEAD = 43;
    /** A subscriber subscribed to a publisher. subject: publisher; aux: the subscriber's subject. */
    public static final int EVENT_SUBSCRIBED = 44;
    /**
     * A cache missed and loaded the value (or waited for a concurrent load of it). subject: cache; aux: 1 when the
     * load failed (threw or produced nothing); a: load time ns. Hits and evictions are counted, not recorded.
     */
    public static final int CACHE_LOAD = 30;
    /**
     * A caller got a pooled connection, or gave up waiting for one. subject: pool; aux: {@link Outcome#OK},
     * {@link Outcome#TIMEOUT} or {@link Outcome#FAILED}; a: how long it waited, ns.
     */
    public static final int CONNECTION_ACQUIRED = 50;
    /** A pooled connection went back to its pool. subject: pool; a: how long it was held, ns. */
    public static final int CONNECTION_RELEASED = 51;
    /**
     * An outbound HTTP call ended. subject: target host id of {@code HostRegistry}; aux: {@link Outcome} code;
     * a: call time ns; b: the client library, an {@code HttpFeature.CLIENT_*} code.
     */
    public static final int HTTP_CALL = 52;
    /** A garbage collection (JFR). a: sum of pauses ns; b: longest pause ns. */
    public static final int GC = 20;
    /** Heap used after a collection (JFR). a: bytes used. */
    public static final int HEAP_AFTER_GC = 21;
    /** Used by tests and benchmarks to push load through the pipeline. a, b: free. */
    public static final int TEST = 99;

    private RecordType() {
    }
}
