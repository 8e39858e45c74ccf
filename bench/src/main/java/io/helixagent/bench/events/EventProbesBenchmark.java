package io.helixagent.bench.events;

import io.helixagent.agent.instrument.events.EventProbes;
import io.helixagent.agent.instrument.events.ListenerProbes;
import io.helixagent.core.feature.EventFeature;
import io.helixagent.core.feature.ListenerFeature;
import io.helixagent.core.pipeline.RecordRing;
import io.helixagent.core.subject.ListenerRegistry;
import io.helixagent.core.subject.SubjectRegistry;
import java.lang.reflect.Method;
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
 * What the event probes cost the publishing and handling threads, as woven advice calls them: a counting probe
 * ({@code dropped}), the timed publish and handling probes (advice reads {@code System.nanoTime()} on entry,
 * the probe once more), and, for scale, one registration plus removal of a listener. {@code nanoTime} is the
 * floor of any timed probe. A consumer drains the ring in the background, as in the agent. Run with
 * {@code -prof gc} to confirm 0 B/op for the event probes.
 * <p>
 * Run: {@code java -jar bench/target/helix-bench.jar EventProbesBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED")
@Threads(1)
public class EventProbesBenchmark {
    private final Object publisher = new Object();
    private final Object listener = new Object();
    private RecordRing ring;
    private EventProbes events;
    private ListenerProbes listeners;
    private Method handler;
    private Thread consumer;
    private volatile boolean running;

    @Setup(Level.Trial)
    public void start() throws NoSuchMethodException {
        ring = new RecordRing(1 << 20);
        final SubjectRegistry subjects = new SubjectRegistry(100, System::currentTimeMillis);
        subjects.register(publisher, EventFeature.KIND_EVENTBUS, "Bench.start(Bench.java:1)");
        events = new EventProbes(ring, subjects);
        listeners = new ListenerProbes(new ListenerRegistry());
        handler = EventProbesBenchmark.class.getMethod("handled");
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
    public long nanoTime() {
        return System.nanoTime();
    }

    @Benchmark
    public void dropped() {
        events.dropped(publisher, 1);
    }

    @Benchmark
    public void published() {
        events.published(publisher, System.nanoTime(), 0);
    }

    @Benchmark
    public void handled() {
        events.handled(publisher, handler, System.nanoTime());
    }

    @Benchmark
    public void listenerAddedAndRemoved() {
        listeners.added(listener, ListenerFeature.CONTAINER_BEANS);
        listeners.removed(listener);
    }
}
