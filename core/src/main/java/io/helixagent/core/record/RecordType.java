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
     * A cache missed and loaded the value (or waited for a concurrent load of it). subject: cache; aux: 1 when the
     * load failed (threw or produced nothing); a: load time ns. Hits and evictions are counted, not recorded.
     */
    public static final int CACHE_LOAD = 30;
    /** A garbage collection (JFR). a: sum of pauses ns; b: longest pause ns. */
    public static final int GC = 20;
    /** Heap used after a collection (JFR). a: bytes used. */
    public static final int HEAP_AFTER_GC = 21;
    /** Used by tests and benchmarks to push load through the pipeline. a, b: free. */
    public static final int TEST = 99;

    private RecordType() {
    }
}
