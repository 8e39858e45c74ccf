package io.helixagent.bench.pipeline;

import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.record.RecordType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one probe record costs the host thread: {@link RecordRing#publish} with a consumer draining in the
 * background, as in the agent. Throughput in records per second per producer thread; run with
 * {@code -t 1}, {@code -t 2} and {@code -t 4} for contention, and {@code -prof gc} to confirm 0 B/op.
 * <p>
 * Run: {@code java -jar bench/target/helix-bench.jar RecordRingBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED")
@Threads(1)
public class RecordRingBenchmark {
    private RecordRing ring;
    private Thread consumer;
    private volatile boolean running;

    @Setup(Level.Trial)
    public void start() {
        ring = new RecordRing(1 << 20);
        running = true;
        consumer = new Thread(() -> {
            while (running) {
                if (ring.drain((type, buffer, index, length) -> { }, 8192) == 0) {
                    Thread.onSpinWait();
                }
            }
        }, "bench-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running = false;
        consumer.join();
    }

    @Benchmark
    public boolean publish() {
        return ring.publish(RecordType.TEST, 1, 0, 42L, 7L);
    }
}
