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
