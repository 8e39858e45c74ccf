package io.helixagent.core.aggregate;

import io.helixagent.core.stats.SlidingWindow;
import io.helixagent.core.stats.WindowedCount;
import io.helixagent.core.stats.WindowedGauge;
import io.helixagent.core.stats.WindowedHistogram;
import io.helixagent.core.subject.Subject;

/**
 * What the pipeline knows about one worker pool: task events from probes and gauges from the sampler,
 * per one-second slot. Owned by the pipeline thread.
 */
public final class ExecutorAggregate {
    private final Subject subject;
    private final SlidingWindow window;
    private final WindowedCount completed;
    private final WindowedCount rejected;
    private final WindowedHistogram waitNanos;
    private final WindowedHistogram runNanos;
    private final WindowedGauge queued;
    private final WindowedGauge queueCapacity;
    private final WindowedGauge active;
    private final WindowedGauge poolSize;
    private final WindowedGauge maxPoolSize;
    private volatile String rejectionPolicy = "";
    private boolean shutdown;
    private long steals = -1;

    /**
     * @param subject the pool.
     * @param slots   seconds of history to keep.
     */
    public ExecutorAggregate(final Subject subject, final int slots) {
        this.subject = subject;
        this.window = new SlidingWindow(slots);
        this.completed = new WindowedCount(window);
        this.rejected = new WindowedCount(window);
        this.waitNanos = new WindowedHistogram(window);
        this.runNanos = new WindowedHistogram(window);
        this.queued = new WindowedGauge(window);
        this.queueCapacity = new WindowedGauge(window);
        this.active = new WindowedGauge(window);
        this.poolSize = new WindowedGauge(window);
        this.maxPoolSize = new WindowedGauge(window);
    }

    /** A task finished; {@code waitNanos} is negative when its queue wait is unknown. */
    public void onTask(final long taskWaitNanos, final long taskRunNanos) {
        completed.add(1);
        if (taskWaitNanos >= 0) {
            waitNanos.recordNanos(taskWaitNanos);
        }
        runNanos.recordNanos(taskRunNanos);
    }

    /** A task was rejected. */
    public void onRejected() {
        rejected.add(1);
    }

    /**
     * Records the pool's gauges for the current slot.
     *
     * @param queuedTasks   tasks in the queue.
     * @param capacity      queue capacity (queued + remaining), or -1 when unbounded.
     * @param activeThreads threads running a task.
     * @param threads       threads in the pool.
     * @param maxThreads    the pool's maximum size.
     * @param policy        simple class name of the rejection handler.
     */
    public void onSample(final int queuedTasks, final long capacity, final int activeThreads, final int threads,
                         final int maxThreads, final String policy) {
        queued.set(queuedTasks);
        queueCapacity.set(capacity);
        active.set(activeThreads);
        poolSize.set(threads);
        maxPoolSize.set(maxThreads);
        rejectionPolicy = policy;
    }

    /** Records a {@code ForkJoinPool}'s total of stolen tasks. */
    public void onSteals(final long total) {
        steals = total;
    }

    /** @return tasks stolen between a {@code ForkJoinPool}'s workers so far, or -1 for other pools. */
    public long steals() {
        return steals;
    }

    /** The pool was shut down: its figures describe a pool that no longer takes work. */
    public void onShutdown() {
        shutdown = true;
    }

    /** @return true once the pool has been shut down. */
    public boolean isShutdown() {
        return shutdown;
    }

    /** Starts the next slot. */
    public void rotate() {
        window.rotate();
        completed.clearCurrent();
        rejected.clearCurrent();
        waitNanos.clearCurrent();
        runNanos.clearCurrent();
        queued.clearCurrent();
        queueCapacity.clearCurrent();
        active.clearCurrent();
        poolSize.clearCurrent();
        maxPoolSize.clearCurrent();
    }

    public Subject subject() {
        return subject;
    }

    public int slots() {
        return window.slots();
    }

    /** @return seconds of history available, up to the window size. */
    public int filledSeconds() {
        return window.filled();
    }

    public WindowedCount completed() {
        return completed;
    }

    public WindowedCount rejected() {
        return rejected;
    }

    public WindowedHistogram waitNanos() {
        return waitNanos;
    }

    public WindowedHistogram runNanos() {
        return runNanos;
    }

    public WindowedGauge queued() {
        return queued;
    }

    public WindowedGauge queueCapacity() {
        return queueCapacity;
    }

    public WindowedGauge active() {
        return active;
    }

    public WindowedGauge poolSize() {
        return poolSize;
    }

    public WindowedGauge maxPoolSize() {
        return maxPoolSize;
    }

    /** @return the simple class name of the rejection handler, empty before the first sample. */
    public String rejectionPolicy() {
        return rejectionPolicy;
    }
}
