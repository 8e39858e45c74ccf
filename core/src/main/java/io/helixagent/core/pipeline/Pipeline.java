package io.helixagent.core.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemEpochClock;

/**
 * Runs the pipeline on one daemon thread named {@code helix-pipeline}.
 * <p>
 * Idle strategy: {@link BackoffIdleStrategy} spinning briefly, then parking with doubling periods up to
 * {@link #MAX_PARK_NANOS}. Under load the thread stays hot and drains as fast as probes write; when the host is
 * quiet it wakes at most {@code 1 s / MAX_PARK_NANOS} times a second. At the default 1 MiB buffer (32,768
 * records) a 4 ms park leaves room for 8 million records per second before anything is dropped.
 * <p>
 * An exception in a duty cycle goes to the error handler and the count of {@link #errors()}; the thread
 * carries on with the next cycle.
 */
public final class Pipeline implements AutoCloseable {
    /** Longest park when idle. */
    public static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    /** Interval between ticks. */
    public static final long TICK_MILLIS = 1000;

    private final RecordRing ring;
    private final MessageHandler handler;
    private final AtomicLong errors = new AtomicLong();
    private final AgentRunner runner;
    private volatile boolean closed;

    /**
     * Starts the pipeline thread.
     *
     * @param ring         the buffer to drain.
     * @param handler      receives each record.
     * @param onTick       runs once per tick with the epoch time.
     * @param errorHandler told of every failure inside the thread.
     */
    public Pipeline(final RecordRing ring, final MessageHandler handler, final LongConsumer onTick,
                    final Consumer<Throwable> errorHandler) {
        this.ring = ring;
        this.handler = handler;
        final IdleStrategy idle = new BackoffIdleStrategy(20, 10, TimeUnit.MICROSECONDS.toNanos(50), MAX_PARK_NANOS);
        this.runner = new AgentRunner(idle, ex -> {
            errors.incrementAndGet();
            errorHandler.accept(ex);
        }, null, new PipelineAgent(ring, handler, onTick, TICK_MILLIS, SystemEpochClock.INSTANCE));
        AgentRunner.startOnThread(runner, r -> {
            final Thread thread = new Thread(r, "helix-pipeline");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return failures caught inside the pipeline thread. */
    public long errors() {
        return errors.get();
    }

    /** @return the pipeline thread, or null when it is not running. */
    public Thread thread() {
        return runner.thread();
    }

    /**
     * Stops the thread and then drains what is left on the caller's thread, so that nothing produced
     * before the call is left undelivered.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        runner.close();
        while (ring.drain(handler, PipelineAgent.BATCH_LIMIT) > 0) {
            // keep draining until empty
        }
    }
}
