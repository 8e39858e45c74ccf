package io.helixagent.bench.cache;

import io.helixagent.core.aggregate.CacheCounters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting one cache get costs the host thread once its cache is found: {@link CacheCounters#requested}, a
 * striped increment plus a distinct-key sketch update, over 10,000 prebuilt keys (a warm sketch, as in a running
 * cache). Average time per get; run with {@code -t 1} and {@code -t 2} for contention on the same cache, and
 * {@code -prof gc} to confirm 0 B/op.
 * <p>
 * Run: {@code java -jar bench/target/helix-bench.jar CacheCountersBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED")
@Threads(1)
public class CacheCountersBenchmark {
    private static final int KEYS = 10_000;
    private final CacheCounters counters = new CacheCounters();
    private String[] keys;

    /** Per-thread position in the key array. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;
    }

    @Setup
    public void prepare() {
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "user:" + i;
            counters.requested(keys[i].hashCode());
        }
    }

    @Benchmark
    public void hit(final Cursor cursor) {
        final int i = cursor.next;
        cursor.next = i + 1 == KEYS ? 0 : i + 1;
        counters.requested(keys[i].hashCode());
    }
}
