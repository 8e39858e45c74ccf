package io.helixagent.core.sample;

import io.helixagent.core.aggregate.ExecutorAggregate;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Reads a {@link ThreadPoolExecutor}'s or {@link ForkJoinPool}'s gauges once per tick through its public API, the way Micrometer's
 * {@code ExecutorServiceMetrics} does. {@code getActiveCount} takes the pool's main lock briefly; once a
 * second from one thread that is negligible next to the pool's own use of it.
 */
public final class ExecutorSampler {
    private ExecutorSampler() {
    }

    /**
     * Samples {@code pool} into {@code aggregate}; a pool whose overridden methods fail is skipped.
     *
     * @return false when the pool could not be read.
     */
    public static boolean sample(final Object pool, final ExecutorAggregate aggregate) {
        if (pool instanceof ForkJoinPool) {
            return sample((ForkJoinPool) pool, aggregate);
        }
        if (!(pool instanceof ThreadPoolExecutor)) {
            return false;
        }
        final ThreadPoolExecutor executor = (ThreadPoolExecutor) pool;
        try {
            if (executor.isShutdown()) {
                aggregate.onShutdown();
                return true;
            }
            final BlockingQueue<Runnable> queue = executor.getQueue();
            final int queued = queue.size();
            final int remaining = queue.remainingCapacity();
            final long capacity = remaining == Integer.MAX_VALUE ? -1 : (long) queued + remaining;
            aggregate.onSample(queued, capacity, executor.getActiveCount(), executor.getPoolSize(),
                executor.getMaximumPoolSize(), executor.getRejectedExecutionHandler().getClass().getSimpleName());
            return true;
        } catch (final RuntimeException ex) {
            return false;
        }
    }

    /**
     * A {@code ForkJoinPool} has no bounded queue and no rejection handler: its queue is the submissions
     * waiting plus the tasks queued in its workers, its maximum is its parallelism. These getters read counters
     * without locks (the queued-task count scans the work queues once).
     */
    private static boolean sample(final ForkJoinPool pool, final ExecutorAggregate aggregate) {
        try {
            if (pool.isShutdown()) {
                aggregate.onShutdown();
                return true;
            }
            final long queued = (long) pool.getQueuedSubmissionCount() + pool.getQueuedTaskCount();
            aggregate.onSample((int) Math.min(Integer.MAX_VALUE, queued), -1, pool.getActiveThreadCount(),
                pool.getPoolSize(), pool.getParallelism(), "none (ForkJoinPool)");
            aggregate.onSteals(pool.getStealCount());
            return true;
        } catch (final RuntimeException ex) {
            return false;
        }
    }
}
