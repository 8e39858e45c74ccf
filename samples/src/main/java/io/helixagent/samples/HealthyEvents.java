package io.helixagent.samples;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Healthy event publishing: a Guava {@code EventBus}, a {@code SubmissionPublisher} and a Disruptor ring, each
 * with fast subscribers registered once, well within their buffers; a bean whose listener is registered once, and
 * a per-request listener that is always removed again.
 * <p>
 * Expected from helix-agent: no {@code eventbus.backpressure} or {@code listeners.leak} finding.
 */
final class HealthyEvents {
    private static final AtomicLong HANDLED = new AtomicLong();
    private static final int QUIET_SECONDS = 2;

    private HealthyEvents() {
    }

    /**
     * Starts publishing on a daemon thread named {@code healthy-events} and returns. Publishing stops
     * {@value #QUIET_SECONDS} seconds before {@code seconds} are over, so that the report written at the end of the
     * run has every record delivered.
     */
    static void run(final int seconds) {
        final Thread publisher = new Thread(() -> publish(Math.max(1, seconds - QUIET_SECONDS)), "healthy-events");
        publisher.setDaemon(true);
        publisher.start();
    }

    private static void publish(final int seconds) {
        final EventBus bus = new EventBus("app-events");
        bus.register(new Counter());
        final SubmissionPublisher<Integer> feed = new SubmissionPublisher<>();
        feed.subscribe(new CountingSubscriber());
        final Disruptor<long[]> disruptor = new Disruptor<>(() -> new long[1], 1024,
            SaturatedPoolSample.named("healthy-ring"), ProducerType.SINGLE, new YieldingWaitStrategy());
        disruptor.handleEventsWith((slot, sequence, endOfBatch) -> HANDLED.incrementAndGet());
        final RingBuffer<long[]> ring = disruptor.start();
        final PropertyChangeSupport bean = new PropertyChangeSupport(HealthyEvents.class);
        bean.addPropertyChangeListener(event -> HANDLED.incrementAndGet());
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            for (int i = 0; System.nanoTime() < end; i++) {
                bus.post(i);
                feed.submit(i);
                final long value = i;
                ring.publishEvent((slot, sequence) -> slot[0] = value);
                final PropertyChangeListener perRequest = event -> HANDLED.incrementAndGet();
                bean.addPropertyChangeListener(perRequest);
                bean.firePropertyChange("request", i - 1, i);
                bean.removePropertyChangeListener(perRequest);
                Thread.sleep(10);
            }
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            feed.close();
            disruptor.halt();
        }
    }

    /** A fast Guava subscriber. */
    static final class Counter {
        @Subscribe
        public void on(final Integer event) {
            HANDLED.incrementAndGet();
        }
    }

    /** A fast Flow subscriber that asks for everything. */
    static final class CountingSubscriber implements Flow.Subscriber<Integer> {
        @Override
        public void onSubscribe(final Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(final Integer item) {
            HANDLED.incrementAndGet();
        }

        @Override
        public void onError(final Throwable error) {
            System.out.println("healthy feed failed: " + error);
        }

        @Override
        public void onComplete() {
            // the feed closes when the workload ends
        }
    }
}
