package io.helixagent.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The guide's "worker pool queue full": an order service hands 40 tasks a second to a pool of 2 workers
 * whose tasks take 200 ms each, so the pool completes 10 a second. Its bounded queue of 50 fills within
 * seconds, tasks wait for seconds, and the rest are rejected ("task queue is full").
 * <p>
 * Expected from helix-agent: {@code pool.saturation} (WARNING or CRITICAL) naming the pool
 * {@code order-worker} and this class as its creator, with queue fill, rejections and wait times.
 */
public final class SaturatedPoolSample {
    private static final int SUBMISSIONS_PER_SECOND = 40;
    private static volatile int lastOrder;

    private SaturatedPoolSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(50), named("order-worker"));
        final int rejected = submitOrders(pool, seconds);
        System.out.println("orders rejected because the task queue was full: " + rejected + ", last processed: "
            + lastOrder);
        SampleRunner.printReports();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static int submitOrders(final ExecutorService pool, final int seconds) throws InterruptedException {
        int rejected = 0;
        int order = 0;
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            final int id = ++order;
            try {
                pool.execute(() -> processOrder(id));
            } catch (final RejectedExecutionException ex) {
                rejected++;
            }
            Thread.sleep(1000 / SUBMISSIONS_PER_SECOND);
        }
        return rejected;
    }

    private static void processOrder(final int id) {
        try {
            Thread.sleep(200);
            lastOrder = id;
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory named(final String prefix) {
        final AtomicInteger counter = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
