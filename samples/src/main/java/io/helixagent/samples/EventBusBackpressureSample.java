package io.helixagent.samples;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guide's "event bus backpressure" with Guava: an order service posts 200 events a second to an
 * {@code AsyncEventBus} named {@code orders} whose executor has 2 threads and a queue of 50. The audit log's
 * subscriber writes each order for 25 ms, so the executor takes at most 80 audit events a second; its queue fills
 * and the rest are rejected: {@code post} throws and the subscribers miss those events.
 * <p>
 * Expected from helix-agent: {@code eventbus.backpressure} (CRITICAL) for the bus {@code orders} created in this
 * class, with the dropped events per second and {@code AuditLog.onOrder} as the slowest subscriber (about 25 ms).
 */
public final class EventBusBackpressureSample {
    private static final int POSTS_PER_SECOND = 200;

    private EventBusBackpressureSample() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final int seconds = SampleRunner.seconds(args);
        final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(50), SaturatedPoolSample.named("order-events"));
        final EventBus bus = new AsyncEventBus("orders", executor);
        final OrderMetrics metrics = new OrderMetrics();
        bus.register(new AuditLog());
        bus.register(metrics);
        long lost = 0;
        SampleRunner.onset();
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long order = 1; System.nanoTime() < end; order++) {
            try {
                bus.post(new OrderPlaced(order));
            } catch (final RejectedExecutionException ex) {
                lost++;
            }
            Thread.sleep(1000 / POSTS_PER_SECOND);
        }
        System.out.println("order events lost: " + lost + ", counted by metrics: " + metrics.count.get());
        SampleRunner.printReports();
        executor.shutdownNow();
    }

    /** An event: only its id, which the agent never sees. */
    record OrderPlaced(long id) {
    }

    /** The slow subscriber: writes every order to the audit store. */
    static final class AuditLog {
        @Subscribe
        public void onOrder(final OrderPlaced order) {
            try {
                Thread.sleep(25);
            } catch (final InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A fast subscriber: counts orders. */
    static final class OrderMetrics {
        private final AtomicLong count = new AtomicLong();

        @Subscribe
        public void onOrder(final OrderPlaced order) {
            count.incrementAndGet();
        }
    }
}
